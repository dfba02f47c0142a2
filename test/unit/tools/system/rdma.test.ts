// rdma (iproute2 6.1 on a 5.3 kernel), ibv_devices and ibv_devinfo (rdma-core 44).
import { describe, expect, it } from 'vitest';
import { OPERATOR, sh } from './harness';

const START = 'truncate -s 1M /mnt/pmem/db; rdma-app --file /mnt/pmem/db 2>/dev/null & sleep 1; ';
const MR = /^dev mlx5_0 mrn (\d+) rkey 0x([0-9a-f]+) lkey 0x\2 iova 0x[0-9a-f]+ mrlen 1048576 pdn (\d+) pid (\d+) comm rdma-app $/;

describe('rdma resource', () => {
  it('shows a pinning MR with its keys and iova to root, in iproute2 field order', async () => {
    const { out, host } = await sh(`${START}rdma resource show mr; rdma res sh mr; echo "pid $!"`);
    const lines = out.trimEnd().split('\n');
    const m = MR.exec(lines[0]!);
    expect(m).not.toBeNull();
    const mr = [...host.kernel.mrs.values()][0]!;
    expect(m![1]).toBe(String(mr.id));
    expect(m![2]).toBe(mr.rkey.toString(16));
    expect(m![3]).toBe(String(mr.pd.pdn));
    expect(lines[2]).toBe(`pid ${m![4]}`);
    expect(lines[1]).toBe(lines[0]);
  });

  it('hides rkey and lkey from a user without CAP_NET_ADMIN', async () => {
    const { out } = await sh(`${START.replace('truncate -s 1M /mnt/pmem/db; ', 'truncate -s 1M /tmp/db; ').replace('/mnt/pmem/db 2', '/tmp/db 2')}rdma res show mr`, { uid: OPERATOR });
    expect(out).toMatch(/^dev mlx5_0 mrn \d+ mrlen 1048576 pdn \d+ pid \d+ comm rdma-app \n$/);
  });

  it('lists ODP registrations like any other MR and counts objects in the summary', async () => {
    const { out } = await sh(
      'truncate -s 1M /mnt/pmem/a /mnt/pmem/b; rdma-app --file /mnt/pmem/a 2>/dev/null & rdma-app --odp --lease=none --pages=16 --file /mnt/pmem/b 2>/dev/null & sleep 1; rdma res show mr | cut -d" " -f1-4,11-; rdma resource show; rdma res show mlx5_0',
    );
    expect(out).toBe(
      'dev mlx5_0 mrn 1 mrlen 1048576 pdn 1 pid 4 comm rdma-app \ndev mlx5_0 mrn 2 mrlen 65536 pdn 2 pid 5 comm rdma-app \n' +
        '0: mlx5_0: pd 2 cq 0 qp 0 cm_id 0 mr 2 ctx 2 \n0: mlx5_0: pd 2 cq 0 qp 0 cm_id 0 mr 2 ctx 2 \n',
    );
  });

  it('filters by numbers and ranges, and rejects unknown filters and devices', async () => {
    const { out } = await sh(
      `${START}rdma res show mr mrlen 1-4096; echo "[$?]"; rdma res show mr mrn 1,7 | wc -l; rdma res show mr pid 0-99999 | wc -l; rdma res show mr color 3; echo "[$?]"; rdma res show mr dev mlx5_9; echo "[$?]"; rdma res show mr pid; echo "[$?]"`,
    );
    expect(out).toBe(
      '[0]\n1\n1\nUnsupported filter option: color\n[1]\nWrong device name - mlx5_9\n[1]\nNo filter data was supplied to filter option pid\n[1]\n',
    );
  });

  it('stops listing an MR once the task that registered it is reaped, while the summary still counts it', async () => {
    const { out, host } = await sh(`${START.replace('--file', '--fork-helper --on-term=exit --file')}kill $!; sleep 1; rdma res show mr | wc -l; rdma res`);
    expect(host.kernel.mrs.size).toBe(1);
    expect(out).toBe('0\n0: mlx5_0: pd 1 cq 0 qp 0 cm_id 0 mr 1 ctx 1 \n');
  });

  it('shows the device, its port, its PDs and the system settings', async () => {
    const { out } = await sh(`${START}rdma dev; rdma link; rdma link show mlx5_0/1; rdma res show pd | sed 's/pid [0-9]*/pid P/'; rdma sys; rdma foo; echo "[$?]"; rdma res show ctx; echo "[$?]"; rdma dev mlx5_0; rdma link show mlx5_0/2; echo "[$?]"`);
    expect(out).toBe(
      '0: mlx5_0: node_type ca fw 16.26.1040 node_guid 248a:0703:00b4:7a96 sys_image_guid 248a:0703:00b4:7a96 \n' +
        'link mlx5_0/1 subnet_prefix fe80:0000:0000:0000 lid 3 sm_lid 1 lmc 0 state ACTIVE physical_state LINK_UP \n'.repeat(2) +
        'dev mlx5_0 pdn 1 local_dma_lkey 0x0 users 1 ctxn 1 pid P comm rdma-app \n' +
        'netns shared copy-on-fork off\n' +
        "Unknown object 'foo'.\n[0]\nerror: Invalid argument\n[1]\nUnknown command 'mlx5_0'.\nWrong device name\n[1]\n",
    );
  });
});

describe('ibv_devices and ibv_devinfo', () => {
  it('lists the HCA with its node GUID', async () => {
    const { out } = await sh('ibv_devices; ibv_devinfo -l');
    expect(out).toBe('    device          \t   node GUID\n    ------          \t----------------\n    mlx5_0          \t248a070300b47a96\n1 HCA found:\n\tmlx5_0\n\n');
  });

  it('prints the default attributes and releases the context it opened', async () => {
    const { out, host } = await sh('ibv_devinfo');
    expect(out).toBe(
      'hca_id:\tmlx5_0\n\ttransport:\t\t\tInfiniBand (0)\n\tfw_ver:\t\t\t\t16.26.1040\n\tnode_guid:\t\t\t248a:0703:00b4:7a96\n' +
        '\tsys_image_guid:\t\t\t248a:0703:00b4:7a96\n\tvendor_id:\t\t\t0x02c9\n\tvendor_part_id:\t\t\t4119\n\thw_ver:\t\t\t\t0x0\n' +
        '\tboard_id:\t\t\tMT_0000000008\n\tphys_port_cnt:\t\t\t1\n\t\tport:\t1\n\t\t\tstate:\t\t\tPORT_ACTIVE (4)\n' +
        '\t\t\tmax_mtu:\t\t4096 (5)\n\t\t\tactive_mtu:\t\t4096 (5)\n\t\t\tsm_lid:\t\t\t1\n\t\t\tport_lid:\t\t3\n' +
        '\t\t\tport_lmc:\t\t0x00\n\t\t\tlink_layer:\t\tInfiniBand\n\n',
    );
    expect(host.kernel.contexts.size).toBe(0);
    expect(host.events().some((e) => e.kind === 'rdma.context')).toBe(true);
  });

  it('shows the ODP capabilities with -v, or none on an HCA without ODP', async () => {
    const odp = (await sh('ibv_devinfo -v')).out;
    expect(odp).toContain('\tgeneral_odp_caps:\n\t\t\t\t\tODP_SUPPORT\n\t\t\t\t\tODP_SUPPORT_IMPLICIT\n\trc_odp_caps:\n\t\t\t\t\tSUPPORT_SEND\n');
    expect(odp).toContain('\tuc_odp_caps:\n\t\t\t\t\tNO SUPPORT\n');
    expect(odp).toContain('\tdevice_cap_flags:\t\t0xe5721c36\n\t\t\t\t\tBAD_PKEY_CNTR\n');
    expect(odp).toContain('\t\t\t\t\tUnknown flags: 0xC0400000\n');
    expect(odp).toContain('\t\t\tGID[  0]:\t\tfe80:0000:0000:0000:248a:0703:00b4:7a96\n\n');
    const none = (await sh('ibv_devinfo -v', { prepare: (h) => (h.kernel.rdma.odp = false) })).out;
    expect(none).toContain('\tgeneral_odp_caps:\n\trc_odp_caps:\n\t\t\t\t\tNO SUPPORT\n\tuc_odp_caps:\n\t\t\t\t\tNO SUPPORT\n\tud_odp_caps:\n\t\t\t\t\tNO SUPPORT\n\txrc_odp_caps:\n\t\t\t\t\tNO SUPPORT\n');
  });

  it('reports unknown devices, ports and options', async () => {
    const { out } = await sh('ibv_devinfo -d mlx4_0; echo "[$?]"; ibv_devinfo -i 2; echo "[$?]"; ibv_devinfo -z | head -1; echo "[$?]"');
    expect(out).toBe("IB device 'mlx4_0' wasn't found\n[255]\nInvalid port requested for device\n[4]\nibv_devinfo: invalid option -- 'z'\nUsage: ibv_devinfo             print the ca attributes\n[0]\n");
  });
});
