// Text tools: search and edit (grep, sed, awk), sort and count (sort, uniq, wc, cut, tr, nl),
// plumbing (xargs, tee, env, yes, seq), paging (less, more) and file names (basename, dirname).
import type { ToolDef } from '../tool';
import { grep } from './grep';
import { sed } from './sed';
import { awk } from './awk';
import { sort } from './sort';
import { uniq } from './uniq';
import { wc } from './wc';
import { cut } from './cut';
import { tr } from './tr';
import { xargs } from './xargs';
import { tee } from './tee';
import { less, more } from './pager';
import { seq } from './seq';
import { basename, dirname } from './names';
import { env } from './env';
import { yes } from './yes';
import { nl } from './nl';

export const TEXT_TOOLS: readonly ToolDef[] = [grep, sed, awk, sort, uniq, wc, cut, tr, xargs, tee, less, more, seq, basename, dirname, env, yes, nl];
