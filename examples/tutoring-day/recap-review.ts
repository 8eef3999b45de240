import { HiLinkClient, RecapFieldsFragment, SessionFieldsFragment } from '../../sdk/src';
import { SessionRun } from './session-run';

type RecapContent = NonNullable<RecapFieldsFragment['content']>;
export type EvidenceQuote = RecapContent['misconceptions'][number]['evidence'][number];

/** A recap with its content, which is present once the draft is generated. */
export type RecapSummary = RecapContent & {
  id: string;
  status: RecapFieldsFragment['status'];
  provider: string | null;
  model: string | null;
  promptVersion: string | null;
  transcriptVersion: number | null;
};

/** A session after its recap was approved. */
export interface DocumentedSession {
  run: SessionRun;
  session: SessionFieldsFragment;
  recap: RecapSummary;
}

const DEFAULT_RECAP_TIMEOUT_MS = 120_000;
const POLL_INTERVAL_MS = 200;

function toSummary(recap: RecapFieldsFragment): RecapSummary {
  if (!recap.content) {
    throw new Error(`Recap ${recap.id} has status ${recap.status} but no content.`);
  }

  return {
    ...recap.content,
    id: recap.id,
    status: recap.status,
    provider: recap.provider,
    model: recap.model,
    promptVersion: recap.promptVersion,
    transcriptVersion: recap.transcriptVersion,
  };
}

/**
 * Polls the session's recaps until a draft is ready. Rejects when generation failed or the draft
 * is not ready within `timeoutMs`.
 */
export async function waitForDraft(
  client: HiLinkClient,
  sessionId: string,
  timeoutMs = DEFAULT_RECAP_TIMEOUT_MS,
): Promise<RecapFieldsFragment> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { recap: recaps } = await client.sessionRecap(sessionId);
    if (recaps.draft) {
      return recaps.draft;
    }
    if (recaps.failed && !recaps.inProgress) {
      throw new Error(
        `The recap of session ${sessionId} failed: ${recaps.failed.failureReason ?? 'no reason given'}.`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(`The recap of session ${sessionId} was not drafted within ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Waits for the session's recap draft and approves it, which marks the session documented. */
export async function documentSession(
  client: HiLinkClient,
  run: SessionRun,
  timeoutMs?: number,
): Promise<DocumentedSession> {
  const draft = await waitForDraft(client, run.session.id, timeoutMs);
  const approved = await client.approveRecap(draft.id);
  const session = await client.session(run.session.id);

  return { run, session, recap: toSummary(approved) };
}
