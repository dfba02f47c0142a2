// What the host's kernel printed while it booted: a 5.3 kernel in a KVM guest with an NFIT
// (three NVDIMM regions), a virtio root disk and a ConnectX-5, then the DAX mount notices of
// reference §2.7. The boot ran before the host's clock starts, so its records carry their own stamps.
import type { Kernel } from '../kernel';
import type { SuperBlock } from '../vfs/inode';
import { KERN_INFO, KERN_NOTICE, KERN_WARNING, LOG_DAEMON } from './kmsg';
import { NS_PER_US } from '../sim/clock';

type Line = readonly [us: number, level: number, text: string];

function bootLines(k: Kernel): Line[] {
  const I = KERN_INFO;
  return [
    [0, KERN_NOTICE, `Linux version ${k.release} (pinsim@pinsim) (gcc version 9.2.1 20190827 (Debian 9.2.1-4)) ${k.version}`],
    [0, I, `Command line: BOOT_IMAGE=/boot/vmlinuz-${k.release} root=/dev/vda1 ro quiet`],
    [0, I, "x86/fpu: Supporting XSAVE feature 0x001: 'x87 floating point registers'"],
    [0, I, "x86/fpu: Supporting XSAVE feature 0x002: 'SSE registers'"],
    [0, I, "x86/fpu: Supporting XSAVE feature 0x004: 'AVX registers'"],
    [0, I, "x86/fpu: Enabled xstate features 0x7, context size is 832 bytes, using 'standard' format."],
    [0, I, 'BIOS-provided physical RAM map:'],
    [0, I, 'BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable'],
    [0, I, 'BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved'],
    [0, I, 'BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved'],
    [0, I, 'BIOS-e820: [mem 0x0000000000100000-0x00000000bffdffff] usable'],
    [0, I, 'BIOS-e820: [mem 0x00000000bffe0000-0x00000000bfffffff] reserved'],
    [0, I, 'BIOS-e820: [mem 0x00000000feffc000-0x00000000feffffff] reserved'],
    [0, I, 'BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved'],
    [0, I, 'BIOS-e820: [mem 0x0000000100000000-0x000000043fffffff] usable'],
    [0, I, 'NX (Execute Disable) protection: active'],
    [0, I, 'SMBIOS 2.8 present.'],
    [0, I, 'DMI: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.12.0-1 04/01/2014'],
    [0, I, 'Hypervisor detected: KVM'],
    [0, I, 'tsc: Detected 2399.996 MHz processor'],
    [0, I, 'ACPI: Early table checksum verification disabled'],
    [0, I, 'ACPI: NFIT 0x00000000BFFE1A4B 0001D8 (v01 BOCHS  BXPCNFIT 00000001 BXPC 00000001)'],
    [0, I, 'Memory: 16289152K/16776692K available (10243K kernel code, 1209K rwdata, 3508K rodata, 1600K init, 2176K bss, 487540K reserved, 0K cma-reserved)'],
    [0, I, 'SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=2, Nodes=1'],
    [152_301, I, 'smp: Brought up 1 node, 2 CPUs'],
    [371_043, I, 'ACPI: Interpreter enabled'],
    [402_775, I, 'PCI host bridge to bus 0000:00'],
    [1_120_367, I, 'Freeing unused kernel image memory: 1600K'],
    [1_136_101, I, 'Run /init as init process'],
    [1_291_012, KERN_NOTICE, 'virtio_blk virtio1: [vda] 41943040 512-byte logical blocks (21.5 GB/20.0 GiB)'],
    [1_294_630, I, ' vda: vda1'],
    [1_603_527, I, 'EXT4-fs (vda1): mounted filesystem with ordered data mode. Opts: (null)'],
    [1_934_771, I, `systemd[1]: Set hostname to <${k.hostname}>.`],
    [2_361_188, I, 'EXT4-fs (vda1): re-mounted. Opts: errors=remount-ro'],
    [2_612_441, I, 'mlx5_core 0000:00:05.0: firmware version: 16.26.1040'],
    [2_613_902, I, 'mlx5_core 0000:00:05.0: 63.016 Gb/s available PCIe bandwidth (8 GT/s x8 link)'],
    [2_969_087, I, 'mlx5_ib: Mellanox Connect-IB Infiniband driver v5.0-0'],
  ];
}

/** Prints the boot sequence up to the point where systemd mounts /etc/fstab's filesystems. */
export function logBoot(k: Kernel): void {
  for (const [us, level, text] of bootLines(k)) {
    // systemd writes its own lines to /dev/kmsg as a daemon.
    const facility = text.startsWith('systemd[') ? LOG_DAEMON : undefined;
    k.kmsg.printk(level, text, { tsNs: us * NS_PER_US, ...(facility === undefined ? {} : { facility }) });
  }
}

/** When systemd's mount units got to each DAX device, µs since boot. */
const MOUNTED_AT: Readonly<Record<string, number>> = { pmem0: 3_712_105, pmem1: 3_745_913 };

/**
 * The notices a 5.3 kernel prints when it mounts a filesystem with `-o dax`: xfs_fs_fill_super()
 * and xfs_mountfs(), or ext4_fill_super().
 */
export function logDaxMount(k: Kernel, sb: SuperBlock): void {
  const dev = sb.source.replace(/^\/dev\//, '');
  const at = MOUNTED_AT[dev];
  const stamp = (delta: number) => ({ ...(at === undefined ? {} : { tsNs: (at + delta) * NS_PER_US }) });
  const dax = 'DAX enabled. Warning: EXPERIMENTAL, use at your own risk';
  if (sb.fstype === 'xfs') {
    k.kmsg.printk(KERN_WARNING, `XFS (${dev}): ${dax}`, stamp(0));
    k.kmsg.printk(KERN_NOTICE, `XFS (${dev}): Mounting V5 Filesystem`, stamp(1_155));
    k.kmsg.printk(KERN_NOTICE, `XFS (${dev}): Ending clean mount`, stamp(19_737));
  } else if (sb.fstype === 'ext4') {
    k.kmsg.printk(KERN_WARNING, `EXT4-fs (${dev}): ${dax}`, stamp(0));
    k.kmsg.printk(KERN_INFO, `EXT4-fs (${dev}): mounted filesystem with ordered data mode. Opts: dax`, stamp(2_589));
  }
}
