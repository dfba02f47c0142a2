// uname, hostname, id, whoami, date and uptime on the host's clock and user database.
import { describe, expect, it } from 'vitest';
import { OPERATOR, sh } from './harness';
import { gmtime, strftime } from '../../../../src-main/tools/system/time';
import { classic, pretty } from '../../../../src-main/tools/system/uptime';
import { parseDate } from '../../../../src-main/tools/system/date';

describe('uname and hostname', () => {
  it('prints the utsname fields in coreutils order', async () => {
    const { out } = await sh('uname; uname -a; uname -r; uname -n -s; uname -mvo; uname -p -i; hostname; hostname -s');
    expect(out).toBe(
      [
        'Linux',
        'Linux pinsim 5.3.0-rc3-pinsim #1 SMP Fri Aug 9 22:58:33 UTC 2019 x86_64 GNU/Linux',
        '5.3.0-rc3-pinsim',
        'Linux pinsim',
        '#1 SMP Fri Aug 9 22:58:33 UTC 2019 x86_64 GNU/Linux',
        'unknown unknown',
        'pinsim',
        'pinsim',
        '',
      ].join('\n'),
    );
  });

  it('rejects bad options and a new host name', async () => {
    const { out } = await sh("uname -z; echo $?; hostname newname; echo $?");
    expect(out).toBe("uname: invalid option -- 'z'\nTry 'uname --help' for more information.\n1\nhostname: you must be root to change the host name\n1\n");
  });
});

describe('id and whoami', () => {
  it('describes root and the operator', async () => {
    const { out } = await sh('id; id operator; id -u; id -g operator; id -un; id -Gn operator; whoami');
    expect(out).toBe('uid=0(root) gid=0(root) groups=0(root)\nuid=1000(operator) gid=1000(operator) groups=1000(operator)\n0\n1000\nroot\noperator\nroot\n');
  });

  it('reads the caller’s own credentials', async () => {
    const { out } = await sh('id; whoami; id -u', { uid: OPERATOR });
    expect(out).toBe('uid=1000(operator) gid=1000(operator) groups=1000(operator)\noperator\n1000\n');
  });

  it('reports unknown users and conflicting options as coreutils does', async () => {
    const { out } = await sh('id nosuch; echo $?; id -n; echo $?; id -u -g; echo $?; id a b; echo $?; whoami x; echo $?');
    expect(out).toBe(
      'id: ‘nosuch’: no such user\n1\n' +
        'id: cannot print only names or real IDs in default format\n1\n' +
        'id: cannot print "only" of more than one choice\n1\n' +
        "id: extra operand ‘b’\nTry 'id --help' for more information.\n1\n" +
        "whoami: extra operand ‘x’\nTry 'whoami --help' for more information.\n1\n",
    );
  });
});

describe('date', () => {
  it('reads the host’s virtual wall clock', async () => {
    const { out } = await sh("date; date -u +%s; date -d @0; date +'%F %T %Z %j %a %A %b %B'; sleep 3661; date");
    expect(out).toBe(
      'Mon Aug 19 09:24:09 UTC 2019\n1566206649\nThu Jan  1 00:00:00 UTC 1970\n2019-08-19 09:24:09 UTC 231 Mon Monday Aug August\nMon Aug 19 10:25:10 UTC 2019\n',
    );
  });

  it('formats -R, -I and a reference file, and rejects what it cannot parse', async () => {
    const { out } = await sh('date -R; date -Iseconds; date -I; date -d tomorrow +%F; date -d "2019-12-31 23:59:59" +%s; date -d banana; echo $?; date -r /etc/passwd +%Y');
    expect(out).toBe(
      'Mon, 19 Aug 2019 09:24:09 +0000\n2019-08-19T09:24:09+00:00\n2019-08-19\n2019-08-20\n1577836799\ndate: invalid date ‘banana’\n1\n2019\n',
    );
  });

  it('strftime pads, unpads and computes week numbers like glibc', () => {
    const tm = gmtime(1566206649);
    expect(strftime('%-d/%_m/%e|%k|%l|%I%p|%U %W %V %G %u %w|%^a|%10Y|%%|%q', tm)).toBe('19/ 8/19| 9| 9|09AM|33 33 34 2019 1 1|MON|0000002019|%|%q');
    expect(strftime('%V %G %g', gmtime(Date.UTC(2021, 0, 1) / 1000))).toBe('53 2020 20');
    expect(strftime('%V %G', gmtime(Date.UTC(2018, 11, 31) / 1000))).toBe('01 2019');
    expect(strftime('%c', gmtime(0))).toBe('Thu Jan  1 00:00:00 1970');
    expect(parseDate('@86400', tm)?.mday).toBe(2);
    expect(parseDate('2019-02-30x', tm)).toBeNull();
  });
});

describe('uptime', () => {
  it('prints time, uptime, users and load from procfs', async () => {
    const { out } = await sh('uptime; sleep 3605; uptime; uptime -p; uptime -s');
    expect(out).toBe(
      ' 09:24:09 up 0 min,  1 user,  load average: 0.00, 0.00, 0.00\n' +
        ' 10:24:14 up  1:00,  1 user,  load average: 0.00, 0.00, 0.00\n' +
        // procps counts the 5 leftover seconds as "0 minutes".
        'up 1 hour, 0 minutes\n' +
        '2019-08-19 09:24:09\n',
    );
  });

  it('follows procps for days, plural users and the pretty form', () => {
    expect(classic('12:00:00', 2 * 86400 + 3 * 3600 + 5 * 60, 2, ['0.5', '1.25', '0'])).toBe(' 12:00:00 up 2 days,  3:05,  2 users,  load average: 0.50, 1.25, 0.00');
    expect(classic('12:00:00', 86400 + 59, 0, ['0', '0', '0'])).toBe(' 12:00:00 up 1 day, 0 min,  0 user,  load average: 0.00, 0.00, 0.00');
    expect(pretty(30)).toBe('up 0 minutes');
    expect(pretty(60 * 61)).toBe('up 1 hour');
    expect(pretty(60 * 62)).toBe('up 1 hour, 2 minutes');
    expect(pretty(8 * 86400 + 120)).toBe('up 1 week, 1 day, 2 minutes');
  });
});

describe('free', () => {
  it('reports /proc/meminfo with used = total - available', async () => {
    const { out } = await sh('free; free -h; free -m -t -w; free -k -g; echo $?');
    const lines = out.split('\n');
    expect(lines[0]).toBe('               total        used        free      shared  buff/cache   available');
    expect(lines[1]).toMatch(/^Mem: {5}( +\d+){6}$/);
    const [total, used, , , , avail] = lines[1]!.trim().split(/\s+/).slice(1).map(Number) as number[];
    expect(used).toBe(total! - avail!);
    expect(lines[2]).toBe('Swap:              0           0           0');
    expect(lines[4]).toMatch(/^Mem: {12}15Gi {7}\d+Mi +/);
    expect(lines[6]).toBe('               total        used        free      shared     buffers       cache   available');
    expect(lines[9]).toMatch(/^Total: +15908 +\d+ +\d+$/);
    expect(lines.slice(10)).toEqual(["free: Multiple unit options don't make sense.", '1', '']);
  });

  it('scales like scale_size()', async () => {
    const { scale } = await import('../../../../src-main/tools/system/free');
    expect(scale(16290752, { exponent: 0, si: false, human: true })).toBe('15Gi');
    expect(scale(1, { exponent: 0, si: false, human: true })).toBe('1.0Ki');
    expect(scale(0, { exponent: 0, si: false, human: true })).toBe('0B');
    expect(scale(16290752, { exponent: 3, si: true, human: false })).toBe('16681');
    expect(scale(16290752, { exponent: 1, si: false, human: false })).toBe('16681730048');
  });
});
