// Syntax tree of the shell language, as the parser builds it and the interpreter walks it.

export type WordPart =
  /** Unquoted text: subject to globbing. */
  | { t: 'lit'; v: string }
  /** Quoted text ('…', $'…', a backslash-escaped character): taken as is. */
  | { t: 'sq'; v: string }
  | { t: 'dq'; parts: WordPart[] }
  | { t: 'tilde'; user: string }
  | ParamPart
  | { t: 'cmd'; body: ListNode }
  | { t: 'arith'; expr: WordPart[] };

export interface ParamPart {
  t: 'param';
  name: string;
  /** `[...]` subscript of an array reference, unexpanded. */
  index?: WordPart[];
  /** `${#x}` */
  length?: boolean;
  /** `${!x}` */
  indirect?: boolean;
  /** `${!prefix*}`: names of variables starting with the prefix. */
  namesWithPrefix?: boolean;
  /** Operator such as ':-', '#', '//', ':' (substring), '^^'. */
  op?: string;
  arg?: WordPart[];
  /** Replacement of `/` `//` or the length of `:offset:length`. */
  arg2?: WordPart[];
  /** Malformed `${…}` text: expanding it fails with "bad substitution". */
  bad?: string;
}

export interface Word {
  parts: WordPart[];
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** Explicit descriptor number, or undefined for the operator's default. */
  fd?: number;
  op: RedirOp;
  target: Word;
  /** Here-document body: parts to expand, or literal text when the delimiter was quoted. */
  heredoc?: WordPart[];
}

export interface Assignment {
  name: string;
  /** `a[i]=v` */
  index?: WordPart[];
  value?: Word;
  /** `a=(x y z)` */
  array?: Word[];
  append: boolean;
}

export interface SimpleNode {
  type: 'simple';
  line: number;
  assigns: Assignment[];
  words: Word[];
  redirs: Redirect[];
}

export interface CaseItem {
  patterns: Word[];
  body: ListNode;
  /** ';;' ends, ';&' falls through, ';;&' tests the next patterns. */
  end: ';;' | ';&' | ';;&';
}

export type CondExpr =
  | { k: 'unary'; op: string; arg: Word }
  | { k: 'binary'; op: string; left: Word; right: Word }
  | { k: 'word'; arg: Word }
  | { k: 'not'; e: CondExpr }
  | { k: 'and' | 'or'; l: CondExpr; r: CondExpr };

export type CompoundNode =
  | { type: 'group'; body: ListNode }
  | { type: 'subshell'; body: ListNode }
  | { type: 'if'; clauses: { cond: ListNode; body: ListNode }[]; else?: ListNode }
  | { type: 'while'; until: boolean; cond: ListNode; body: ListNode }
  | { type: 'for'; name: string; items?: Word[]; body: ListNode }
  | { type: 'cfor'; init: WordPart[]; cond: WordPart[]; step: WordPart[]; body: ListNode }
  | { type: 'case'; word: Word; items: CaseItem[] }
  | { type: 'arith'; expr: WordPart[] }
  | { type: 'cond'; expr: CondExpr };

export type CommandNode =
  | SimpleNode
  | (CompoundNode & { line: number; redirs: Redirect[] })
  | { type: 'funcdef'; line: number; name: string; body: CommandNode; redirs: Redirect[] };

export interface PipelineNode {
  negate: boolean;
  /** `time` reserved word before the pipeline. */
  timed: boolean;
  cmds: CommandNode[];
  /** For each `|&` joint, stderr goes down the pipe as well. */
  stderrToo: boolean[];
  /** Source text of each command, for job listings and death notices. */
  texts: string[];
}

export interface AndOrNode {
  first: PipelineNode;
  rest: { op: '&&' | '||'; pipeline: PipelineNode }[];
  background: boolean;
  /** Source text, for job listings. */
  text: string;
}

export interface ListNode {
  items: AndOrNode[];
}

/** One complete command as bash reads it (everything up to an unquoted newline). */
export interface TopLevel {
  list: ListNode;
  line: number;
  /** Source text, for `FILE: line N: \`…'` in syntax errors and history. */
  text: string;
}
