// File tools: listing, reading, copying and removing files, their block maps (fallocate,
// xfs_io, dd) and the filesystems they live on (df, du, find, chmod, ln, readlink, realpath, mount, findmnt, xfs_info).
import type { ToolDef } from '../tool';
import { cat } from './cat';
import { truncate } from './truncate';
import { ls } from './ls';
import { head, tail } from './head-tail';
import { stat } from './stat';
import { rm } from './remove';
import { cp, mv } from './cp-mv';
import { mkdir, touch } from './mkdir-touch';
import { dd } from './dd';
import { fallocate } from './fallocate';
import { xfsIo } from './xfs-io';
import { df } from './df';
import { du } from './du';
import { find } from './find';
import { chmod } from './chmod';
import { readlink, realpath } from './readlink';
import { ln } from './ln';
import { mount, findmnt } from './mount-findmnt';
import { sync, xfsInfo } from './xfs-info';

export const FILE_TOOLS: readonly ToolDef[] = [cat, truncate, ls, head, tail, stat, touch, rm, mv, cp, mkdir, dd, fallocate, xfsIo, df, du, find, chmod, ln, readlink, realpath, mount, findmnt, sync, xfsInfo];
