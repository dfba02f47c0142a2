// AF_UNIX stream socket ends made by socketpair(): a queue of messages, each with the open files
// it carries by SCM_RIGHTS (held by an in-flight reference until received or dropped).
import type { OpenFile } from './file';

export interface UnixMessage {
  data: string;
  files: OpenFile[];
  from: number;
}

export class SocketEnd {
  peer: SocketEnd | null = null;
  readonly queue: UnixMessage[] = [];
  /** The open file this end belongs to. */
  file: OpenFile | null = null;
}
