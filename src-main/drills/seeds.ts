// The design discussion the debriefs cite (../shared/seeds), by seed number.
export const SEED_TITLES: Record<string, string> = {
  '000': 'Jason Gunthorpe replying to Dan Williams, 8 Feb 2019 — [LSF/MM TOPIC] longterm-GUP usage by RDMA',
  '001': 'Dave Chinner, 6 Feb 2019 — Re: [LSF/MM TOPIC] Discuss least bad options for resolving longterm-GUP usage by RDMA',
  '002': 'Jason Gunthorpe, 8 Feb 2019 — the same reply, as archived on lists.openwall.net',
  '003': 'Ira Weiny, 9 Aug 2019 — [RFC,v2,00/19] RDMA/FS DAX truncate proposal, and its 35 replies',
  '004': 'Darrick J. Wong, 14 Aug 2017 — Re: [PATCH v2 0/5] fs, xfs: block map immutable files for dax, dma-to-storage, and swap',
};

export function seedTitle(seed: string): string {
  return SEED_TITLES[seed] ?? `seed ${seed}`;
}
