// The awk program as the parser leaves it: expressions, statements, rules and functions.

export type LValue = { k: 'var'; name: string } | { k: 'idx'; name: string; subs: Expr[] } | { k: 'field'; e: Expr };

export type Expr =
  | LValue
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  /** A regex literal standing alone: $0 ~ /re/. */
  | { k: 'regex'; src: string }
  | { k: 'assign'; op: string; target: LValue; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'cmp'; op: string; a: Expr; b: Expr }
  | { k: 'concat'; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; from: 'main' | 'file' | 'cmd'; target?: LValue; src?: Expr }
  /** `(a, b)`: only before `in`, or as print's argument list. */
  | { k: 'group'; list: Expr[] };

export interface Redirect {
  op: '>' | '>>' | '|';
  e: Expr;
}

export type Stmt =
  | { k: 'block'; body: Stmt[] }
  | { k: 'expr'; e: Expr }
  | { k: 'print' | 'printf'; args: Expr[]; redir?: Redirect }
  | { k: 'if'; c: Expr; t: Stmt; f?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; v: LValue; name: string; body: Stmt }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] }
  | { k: 'nop' };

export interface Rule {
  pattern?: Expr;
  /** `pat1, pat2`: the end pattern; `inRange` is set while running. */
  end?: Expr;
  inRange?: boolean;
  /** null: the default action, print $0. */
  action: Stmt | null;
}

export interface Func {
  name: string;
  params: string[];
  body: Stmt;
}

export interface Program {
  begin: Stmt[];
  end: Stmt[];
  rules: Rule[];
  funcs: Map<string, Func>;
}
