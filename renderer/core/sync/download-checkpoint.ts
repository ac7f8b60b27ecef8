/**
 * Where a first download (./initial-download) stands, stored by the sync service after every batch
 * and given back to resume: the sequence noted before the first stage, the documents written, the
 * stage under way and its position in it. The sync journal stores whatever this schema accepts.
 */
import { z } from 'zod';
import { FIRST_SYNC_STAGES, type FirstSyncStage } from '../../../shared/sync/sync-status';

const sequence = z.union([z.number(), z.string()]);
const count = z.number().int().min(0);

export const downloadCheckpointSchema = z
  .object({
    /** The central's update sequence noted before the first stage: the replication starts there. */
    since: sequence,
    /** Documents (revisions) written so far, across resumes. */
    docsWritten: count,
    /** The stage to go on with. */
    stage: z.enum(FIRST_SYNC_STAGES),
    /** Documents written in that stage so far. */
    stageDocs: count,
    /** Whole complaints written in that stage so far. */
    stageComplaints: count,
    /**
     * Stages `open` and `history` (before its sweep): the last complaint id handled, newest
     * first (the next page starts below it); null before the first.
     */
    complaintsAfter: z.string().nullable(),
    /** Stage `history`: the sweep's position in the changes feed; null before the sweep. */
    sweepSeq: sequence.nullable(),
  })
  .readonly();

export type InitialDownloadCheckpoint = z.infer<typeof downloadCheckpointSchema>;

/** A download about to start its stage `stage`, from the beginning of that stage. */
export function stageStart(
  checkpoint: Pick<InitialDownloadCheckpoint, 'since' | 'docsWritten'>,
  stage: FirstSyncStage,
): InitialDownloadCheckpoint {
  return {
    since: checkpoint.since,
    docsWritten: checkpoint.docsWritten,
    stage,
    stageDocs: 0,
    stageComplaints: 0,
    complaintsAfter: null,
    sweepSeq: null,
  };
}
