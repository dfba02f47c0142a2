// The processes rdma-app leaves behind: the `rdma-keeper` that receives its RDMA context by
// SCM_RIGHTS (seed 003 #16: "process B _still_ has the RDMA context FD open"), and the plain
// helper child of --fork-helper that inherits the context across fork().
import type { ProgramMain } from './program';

/** How often the keeper looks at its socket (the model has no blocking recvmsg). */
const POLL_NS = 1_000_000;

/** Receives one message on `sock` (closing the sender's end `other`), then holds what came. */
export function keeper(sock: number, other: number, from: number): ProgramMain {
  return (ctx) => {
    ctx.sys.close(other);
    ctx.idle('unix_stream_read_generic');
    const poll = (): void => {
      const r = ctx.sys.recvmsg(sock);
      if (r.ok && r.value.fds.length > 0) {
        ctx.say(`recvmsg SCM_RIGHTS from pid ${from}: RDMA context on fd ${r.value.fds.join(', ')}; holding it`);
        ctx.sys.close(sock);
        ctx.idle('ep_poll');
        return;
      }
      if (r.ok) {
        // End of stream: the sender went away without passing anything.
        ctx.say(`pid ${from} closed the socket without passing a context`);
        return ctx.exit(1);
      }
      if (r.errno !== 'EAGAIN') {
        ctx.say(`recvmsg: ${ctx.errText(r)}`);
        return ctx.exit(1);
      }
      ctx.after(POLL_NS, poll);
    };
    ctx.after(0, poll);
  };
}

/** The forked helper: shares every open file of its parent, the RDMA context included. */
export const helper: ProgramMain = (ctx) => {
  ctx.say(`helper forked from pid ${ctx.sys.getppid()}: sharing its RDMA context`);
  ctx.idle('ep_poll');
};
