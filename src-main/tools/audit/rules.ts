// What is unsafe for long-term pins under the design in force, in an admin's words (seeds 000/002:
// "audit the configuration for legacy RDMA safety"; "turn off reflink, don't truncate"). A
// finding is UNSAFE when pins can hang a layout change, cannot be taken at all on a DAX
// filesystem that RDMA would use, outlive every fd (a zombie lease), or no longer match the
// file; `ok` says what protects them, `note` what an admin should know.
import type { AuditFacts, Backing, MountFacts, MrFacts, SegmentFacts, WaiterFacts } from './facts';

export type Level = 'UNSAFE' | 'ok' | 'note';

export interface Finding {
  level: Level;
  text: string;
}

const unsafe = (text: string): Finding => ({ level: 'UNSAFE', text });
const ok = (text: string): Finding => ({ level: 'ok', text });
const note = (text: string): Finding => ({ level: 'note', text });

function pageCacheMount(design: string): Finding {
  if (design === 'longterm-disabled') return note('page cache: writable long-term pins of files here fail with EFAULT; read-only ones hold copies of the pages, which a truncate or hole punch leaves stale.');
  return note('page cache: a long-term pin holds copies of the pages, so truncate and hole punch succeed and leave the MR\'s data diverged from the file.');
}

/** The design's answer for one DAX filesystem, before any MR exists. */
function daxMount(design: string, m: MountFacts, odp: boolean): Finding[] {
  const cow = m.reflink ? [note('reflink is on: a write to a shared block of a pinned file is a copy-on-write layout change, refused like truncate.')] : [];
  switch (design) {
    case 'rfc-v2':
      return [ok('long-term pins need an ACTIVE exclusive layout lease (F_LAYOUT|F_EXCLUSIVE); while it exists, truncate, hole punch and copy-on-write over the file fail at once with ETXTBSY.'), ...cow];
    case 'close-blocks':
      return [ok('as rfc-v2: pins need an exclusive layout lease and layout changes fail with ETXTBSY; the last close of the leased file blocks until the pins go, so no zombie lease appears.'), ...cow];
    case 'longterm-disabled':
      return [note(`long-term pins of DAX pages are refused (EOPNOTSUPP): nothing here can be pinned. ${odp ? 'RDMA to files here needs ODP MRs (the HCA supports them).' : 'The HCA has no ODP either: RDMA cannot reach files here at all.'}`)];
    case 'legacy-hang':
      if (m.reflink) return [unsafe('pins need no lease and nothing refuses a layout change, and reflink is on: a truncate, a hole punch or a write to a shared block over pinned pages hangs until the pins go. Make the filesystem without reflink.')];
      return [note('pins need no lease and nothing refuses a layout change: a truncate or hole punch over pinned pages hangs until the pins go. Reflink is off, so only truncating or punching a pinned file hangs.')];
    case 'fs-reject':
      if (m.reflink) return [unsafe('reflink is on: the filesystem refuses long-term pins of every file here (EOPNOTSUPP), since copy-on-write could move pinned blocks. Make the filesystem without reflink to pin files here.')];
      return [ok('reflink is off: the filesystem accepts long-term pins without a lease and refuses truncate and hole punch under them (ETXTBSY).')];
    case 'immutable':
      return [ok('long-term pins need a sealed block map (xfs_io -c seal, or a MAP_DIRECT mapping); while it is sealed every block-map change fails with ETXTBSY.'), ...cow];
    default:
      return [note(`no rules for the design ${design}.`)];
  }
}

export function mountFindings(f: AuditFacts, m: MountFacts): Finding[] {
  return m.dax ? daxMount(f.design, m, f.odp) : [pageCacheMount(f.design)];
}

export function pages(first: number, last: number): string {
  return last - first === 1 ? `page ${first}` : `pages ${first}-${last - 1}`;
}

/** "exclusive layout lease (ACTIVE, fd 3 of pid 4)", "the filesystem", "nothing". */
export function backingText(b: Backing): string {
  switch (b.kind) {
    case 'lease':
      return `${b.exclusive ? 'exclusive layout lease' : 'layout lease'} (${b.state}, taken on fd ${b.fd} by pid ${b.pid})`;
    case 'fs':
      return 'the filesystem (fs-reject)';
    case 'seal':
      return 'a sealed block map';
    case 'nothing':
      return 'nothing';
    case 'copies':
      return 'copies of the pages (page cache)';
    case 'device':
      return 'device DAX';
    case 'on-demand':
      return 'no pin (ODP)';
    case 'anonymous':
      return 'anonymous memory';
  }
}

function pinnedDax(f: AuditFacts, s: SegmentFacts): Finding[] {
  const where = `${s.path} ${pages(s.first, s.last)}`;
  const changes = s.reflink ? 'a truncate, hole punch or copy-on-write' : 'a truncate or hole punch';
  const out: Finding[] = [];
  if (s.outcome?.action === 'fail') out.push(ok(`${changes} over ${where} fails at once with ${s.outcome.errno}, so the pinned blocks never move.`));
  else if (s.outcome) {
    const why = s.backing.kind === 'nothing' ? 'the pin has no exclusive lease and no guard (taken under legacy-hang, or left by a design switch)' : `under ${f.design} nothing refuses the change`;
    out.push(unsafe(`${why}: ${changes} over ${where} hangs in ${s.outcome.wchan} until the pin goes.`));
  }
  if (s.backing.kind === 'lease' && s.backing.state === 'ZOMBIE') {
    out.push(unsafe(`zombie lease: the file it was taken on (fd ${s.backing.fd} of pid ${s.backing.pid}) has no descriptor left, yet the pins keep the lease alive (/proc/locks still says ACTIVE, pid ${s.backing.pid}); only closing the RDMA context releases it.`));
  }
  if (s.closeBlocks && s.backing.kind === 'lease') out.push(note(`closing fd ${s.backing.fd} of pid ${s.backing.pid} would block in locks_remove_lease until the pins go.`));
  return out;
}

function segmentFindings(f: AuditFacts, mr: MrFacts, s: SegmentFacts): Finding[] {
  const where = `${s.path} ${pages(s.first, s.last)}`;
  if (mr.odp) {
    const inv = mr.invalidated.filter((i) => i.path === s.path && i.first < s.last && s.first < i.last);
    if (inv.length === 0) return [ok(`on-demand paging: nothing is pinned; a layout change over ${where} would invalidate that part of the MR.`)];
    return inv.map((i) =>
      i.pastEof
        ? unsafe(`ODP: ${pages(i.first, i.last)} of ${i.path} were invalidated and lie past the end of the file now: RDMA access there fails (EFAULT).`)
        : unsafe(`ODP: ${pages(i.first, i.last)} of ${i.path} were invalidated by a layout change: the next RDMA access there faults in whatever the file holds now, not what the peer registered.`),
    );
  }
  switch (s.kind) {
    case 'fsdax':
      return pinnedDax(f, s);
    case 'pagecache':
      if (s.diverged) return [unsafe(`data divergence: ${s.path} changed under the pinned copies of ${pages(s.first, s.last)} (truncate or hole punch): RDMA reads and writes pages that are no longer the file's.`)];
      return [note(`holds copies of ${where}: a truncate or hole punch there would succeed and leave the MR diverged from the file.`)];
    case 'devdax':
      return [ok('device DAX: never affected by truncate or any design, no lease needed.')];
    case 'anon':
      return [];
  }
}

/** Why killing the registrant alone may not unpin: forked or handed-off contexts (kernel.md §4). */
function holderFindings(mr: MrFacts): Finding[] {
  const out: Finding[] = [];
  if (mr.holders.length > 1) out.push(note(`the RDMA context is shared by pids ${mr.holders.map((h) => h.pid).join(', ')}: the pins stay until the last of them closes it or exits; killing one alone does not unpin.`));
  if (mr.inFlight) out.push(note('the RDMA context is in an SCM_RIGHTS message nobody has received yet: the pins stay until it is received and closed.'));
  if (!mr.holders.some((h) => h.pid === mr.pid)) {
    const who = mr.holders.map((h) => `pid ${h.pid} (${h.comm})`).join(', ');
    out.push(note(`pid ${mr.pid} registered the MR but ${mr.registrantAlive ? 'no longer holds its context' : 'has exited'}${who ? `; ${who} holds it now` : ''}: kill ${mr.pid} would not unpin.`));
  }
  return out;
}

export function mrFindings(f: AuditFacts, mr: MrFacts): Finding[] {
  return [...mr.segments.flatMap((s) => segmentFindings(f, mr, s)), ...holderFindings(mr)];
}

export function waiterFindings(w: WaiterFacts): Finding[] {
  if (w.wchan === 'locks_remove_lease') return [unsafe(`pid ${w.pid} (${w.comm}) is stuck in close() of a leased file in locks_remove_lease until the pins go.`)];
  return [unsafe(`pid ${w.pid} (${w.comm}) hangs in ${w.wchan}: its layout change waits until the pins go.`)];
}
