import { ApiError, WidgetApi } from './api';
import { h, panel, uniqueId } from './dom';
import * as Q from './queries';
import { Board } from './board';
import { loadMedia, type MediaConnection } from './media-loader';
import { DARK_THEME, ThemeVariable, WIDGET_CSS } from './styles';

/**
 * LiveKit access as `joinSession` (`POST /v1/sessions/:id/join`) returns it in `media`, and as
 * `issueMediaToken` (`POST /v1/sessions/:id/media-token`) returns it.
 */
export interface MediaAccess {
  available: boolean;
  reason?: string | null;
  url?: string | null;
  token?: string | null;
}

export interface MountOptions {
  /** Participant token (`hlp_…`) from `joinSession`. */
  token: string;
  /** Base URL of the HiLink API; defaults to the origin that served widget.js. */
  apiUrl?: string;
  /** `light` (default), `dark`, or `--hilink-*` variables to override. */
  theme?: 'light' | 'dark' | Partial<Record<ThemeVariable, string>>;
  /**
   * The `media` field of the join response. When it is given, the widget uses it and sends no
   * request for media. When it is omitted or null, the widget requests its own with
   * `issueMediaToken`. Either way, `available: false` shows the media notice with the reason.
   */
  media?: MediaAccess | null;
}

export interface WidgetHandle {
  /** Closes the subscriptions and media connection and removes the widget from the element. */
  unmount(): void;
}

interface Phase {
  id: string;
  title: string;
  kind: string;
  status: string;
  position: number;
}

interface SessionView {
  id: string;
  participantId: string;
  role: string;
  status: string;
  title: string;
  phases: Phase[];
}

interface Activity {
  id: string;
  kind: string;
  prompt: string;
  questionType: string;
  status: string;
  closedAt: string | null;
  options: { id: string; label: string }[];
}

interface Answer {
  optionIds?: string[] | null;
  number?: number | null;
  text?: string | null;
}

interface ActivityResults {
  activityId: string;
  respondents: number;
  correctShare: number | null;
  options: { optionId: string; label: string; count: number; correct: boolean | null }[];
  numeric: { count: number; mean: number | null; median: number | null } | null;
}

interface ChatMessage {
  id: string;
  participantId: string;
  senderName: string;
  senderRole: string;
  body: string;
  sentAt: string;
}

interface BreakoutGroup {
  id: string;
  name: string;
  status: string;
  instructions: string;
  closesAt: string;
  participantIds: string[];
}

/** How often the widget reads what no subscription reports to it: a new board and a student's breakout group. */
const REFRESH_MS = 20_000;

export const TOKEN_PATTERN = /^hlp_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function applyTheme(host: HTMLElement, theme: MountOptions['theme']): void {
  let variables: Partial<Record<string, string>> = {};
  if (theme === 'dark') {
    variables = DARK_THEME;
  } else if (typeof theme === 'object' && theme !== null) {
    variables = theme;
  }
  for (const [name, value] of Object.entries(variables)) {
    if (name.startsWith('--hilink-') && typeof value === 'string') {
      host.style.setProperty(name, value);
    }
  }
}

/** One mounted widget: the panels, their state and the live subscriptions. */
export class ClassroomWidget implements WidgetHandle {
  private readonly shadow: ShadowRoot;
  private readonly root: HTMLElement;
  private readonly api: WidgetApi;
  private readonly cleanups: (() => void)[] = [];
  private readonly announcer = h('div', {
    class: 'visually-hidden',
    'aria-live': 'polite',
    role: 'status',
  });
  private session?: SessionView;
  private studentTools: string[] | null = null;
  private readonly activities = new Map<string, Activity>();
  private readonly answered = new Set<string>();
  private handRaised = false;
  private board?: Board;
  private boardLoading?: Promise<void>;
  private disposed = false;

  private readonly titleEl = h('h1', {}, 'Classroom');
  // Phase changes are announced through the announcer, so this paragraph has no live region of its own.
  private readonly phaseEl = h('p', { class: 'phase' }, 'Loading the lesson…');
  private readonly errorEl = h('p', { class: 'error', role: 'alert' });
  private readonly activityPanel = panel('Poll or check', 'activity');
  private readonly boardPanel = panel('Whiteboard', 'board');
  private readonly handPanel = panel('Hand', 'hand');
  private readonly chatPanel = panel('Chat', 'chat');
  private readonly breakoutPanel = panel('Breakout group', 'breakout');
  private readonly mediaPanel = panel('Video and audio', 'media');
  private readonly chatLog = h('ul', {
    class: 'chat-log',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': 'Chat messages',
  });
  private readonly handButton = h(
    'button',
    { type: 'button', 'aria-pressed': 'false' },
    'Raise hand',
  );

  constructor(
    private readonly host: HTMLElement,
    private readonly options: MountOptions & { apiUrl: string },
  ) {
    this.api = new WidgetApi(options.apiUrl.replace(/\/+$/, ''), options.token);
    this.shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    applyTheme(host, options.theme);
    this.root = h(
      'div',
      { class: 'root', role: 'region', 'aria-label': 'HiLink classroom' },
      h('header', {}, this.titleEl, this.phaseEl, this.errorEl),
      this.activityPanel.section,
      this.handPanel.section,
      this.chatPanel.section,
      this.breakoutPanel.section,
      this.boardPanel.section,
      this.mediaPanel.section,
      this.announcer,
    );
    this.shadow.replaceChildren(h('style', {}, WIDGET_CSS), this.root);
  }

  /** Loads every panel and opens the subscriptions. A panel that fails shows its error and leaves the others working. */
  async start(): Promise<void> {
    try {
      await this.loadSession();
    } catch (error) {
      this.showError(`The classroom could not load: ${messageOf(error)}`);

      return;
    }
    const sessionId = this.session!.id;
    const instructor = this.session!.role === 'instructor';
    this.renderHand();
    this.renderChatForm();
    // Subscriptions open before the panels load, so a change made while they load is delivered.
    this.listen(Q.PHASE_CHANGED, { sessionId }, () =>
      this.guard('phase', async () => {
        await this.loadSession();
        await this.loadBoard();
      }),
    );
    this.listen(Q.STATUS_CHANGED, { sessionId }, () =>
      this.guard('phase', () => this.loadSession()),
    );
    this.listen<{ activityChanged: { action: string; activityId: string } }>(
      Q.ACTIVITY_CHANGED,
      { sessionId },
      (data) => this.guard('poll', () => this.loadActivities(data.activityChanged.activityId)),
    );
    this.listen<{ chatMessagePosted: ChatMessage }>(Q.CHAT_POSTED, { sessionId }, (data) =>
      this.appendChat(data.chatMessagePosted),
    );
    if (instructor) {
      this.listen(Q.BREAKOUT_STATUS_CHANGED, { sessionId }, () =>
        this.guard('breakout', () => this.loadBreakout()),
      );
    } else {
      this.listen(Q.BREAKOUT_MESSAGE_POSTED, { sessionId }, () =>
        this.guard('breakout', () => this.loadBreakout()),
      );
    }
    await Promise.all([
      this.guard('poll', () => this.loadActivities()),
      this.guard('chat', () => this.loadChat()),
      this.guard('breakout', () => this.loadBreakout()),
      this.guard('whiteboard', () => this.loadBoard()),
      this.guard('media', () => this.startMedia()),
    ]);
    // graphql-ws does not acknowledge a subscribe, so the phase read before it may be stale.
    await this.guard('phase', () => this.loadSession());
    // No subscription reports a new board, and only instructors may subscribe to breakout status.
    const timer = setInterval(() => {
      if (!instructor) {
        void this.guard('breakout', () => this.loadBreakout());
      }
      void this.guard('whiteboard', () => this.loadBoard());
    }, REFRESH_MS);
    this.cleanups.push(() => clearInterval(timer));
  }

  unmount(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    for (const cleanup of this.cleanups.splice(0)) {
      cleanup();
    }
    this.api.close();
    this.shadow.replaceChildren();
  }

  private listen<T>(
    query: string,
    variables: Record<string, unknown>,
    onData: (data: T) => void,
  ): void {
    const stop = this.api.subscribe<T>(query, variables, onData, (error) =>
      this.showError(`Live updates stopped: ${messageOf(error)}. Reload to reconnect.`),
    );
    this.cleanups.push(stop);
  }

  private async guard(area: string, work: () => Promise<void> | void): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.showError(`The ${area} panel could not update: ${messageOf(error)}`);
    }
  }

  private showError(message: string): void {
    if (!this.disposed) {
      this.errorEl.textContent = message;
    }
  }

  private announce(message: string): void {
    this.announcer.textContent = message;
  }

  // Lesson phase

  private async loadSession(): Promise<void> {
    const { participantSession } = await this.api.request<{ participantSession: SessionView }>(
      Q.SESSION_QUERY,
    );
    const previous = this.session ? this.phaseText(this.session) : undefined;
    this.session = participantSession;
    const tools = await this.api.request<{ sessionTools: { studentTools: string[] } }>(
      Q.TOOLS_QUERY,
      {
        sessionId: participantSession.id,
      },
    );
    this.studentTools = tools.sessionTools.studentTools;
    this.titleEl.textContent = participantSession.title;
    const text = this.phaseText(participantSession);
    this.phaseEl.textContent = text;
    if (previous !== undefined && previous !== text) {
      this.announce(text);
    }
    this.board?.setDrawAllowed(this.drawDecision());
  }

  private phaseText(session: SessionView): string {
    const active = session.phases.find((phase) => phase.status === 'active');
    if (active) {
      return `Current phase: ${active.title}`;
    }
    if (session.status === 'scheduled') {
      return 'The lesson has not started yet.';
    }
    if (session.status === 'live') {
      return 'The lesson is live; no phase is active.';
    }

    return `The lesson is ${session.status}.`;
  }

  /** Checks whether the participant may use a tool now. Instructors and observers follow the room, which the server checks. */
  private toolAllowed(tool: string): boolean {
    if (this.session?.role !== 'student' || this.studentTools === null) {
      return true;
    }

    return this.studentTools.includes(tool);
  }

  // Poll or check

  private async loadActivities(changedId?: string): Promise<void> {
    const { activities } = await this.api.request<{ activities: Activity[] }>(Q.ACTIVITIES_QUERY, {
      sessionId: this.session!.id,
    });
    const before = new Map(this.activities);
    this.activities.clear();
    for (const activity of activities) {
      this.activities.set(activity.id, activity);
    }
    const open = activities.find((activity) => activity.status === 'open');
    if (open && before.get(open.id)?.status !== 'open') {
      this.announce(`New ${open.kind === 'check' ? 'check' : 'poll'}: ${open.prompt}`);
    }
    if (!open && changedId && before.get(changedId)?.status === 'open') {
      this.announce('The question closed.');
    }
    await this.renderActivity(open, changedId);
  }

  private async renderActivity(open: Activity | undefined, changedId?: string): Promise<void> {
    const body = this.activityPanel.body;
    if (open) {
      const { myActivityResponse } = await this.api.request<{
        myActivityResponse: { answer: Answer } | null;
      }>(Q.MY_RESPONSE_QUERY, { activityId: open.id });
      if (myActivityResponse) {
        this.answered.add(open.id);
      }
      body.replaceChildren(this.answerForm(open, myActivityResponse?.answer));

      return;
    }
    const closed = [...this.activities.values()]
      .filter((activity) => activity.status === 'closed')
      .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''));
    const latest = changedId ? (this.activities.get(changedId) ?? closed.at(-1)) : closed.at(-1);
    if (!latest || latest.status !== 'closed') {
      body.replaceChildren(h('p', { class: 'muted' }, 'No question is open.'));

      return;
    }
    body.replaceChildren(
      h('p', { class: 'muted' }, 'No question is open.'),
      await this.resultsView(latest),
    );
  }

  private async resultsView(activity: Activity): Promise<HTMLElement> {
    let results: ActivityResults;
    try {
      ({ activityResults: results } = await this.api.request<{ activityResults: ActivityResults }>(
        Q.RESULTS_QUERY,
        {
          activityId: activity.id,
        },
      ));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'FORBIDDEN') {
        return h(
          'p',
          { class: 'muted' },
          `“${activity.prompt}” closed. Its results are for the instructor only.`,
        );
      }
      throw error;
    }
    const items = results.options.map((option) =>
      h(
        'li',
        {},
        h('span', {}, option.label, option.correct === true ? ' (correct)' : ''),
        h('span', {}, `${option.count}`),
      ),
    );
    const share =
      results.correctShare === null
        ? null
        : h('p', {}, `Correct: ${Math.round(results.correctShare * 100)}%`);
    const numeric =
      results.numeric && results.numeric.mean !== null
        ? h('p', {}, `Mean answer: ${results.numeric.mean}, median: ${results.numeric.median}`)
        : null;

    return h(
      'div',
      { class: 'results-box' },
      h('h3', {}, `Results: ${activity.prompt}`),
      h('p', {}, `${results.respondents} answered.`),
      share,
      numeric,
      items.length > 0
        ? h('ul', { class: 'results', 'aria-label': 'Answers per option' }, ...items)
        : null,
    );
  }

  /** Builds the answer form, filled in with the participant's stored answer when there is one. */
  private answerForm(activity: Activity, stored?: Answer): HTMLElement {
    const status = h('p', { role: 'status', 'aria-live': 'polite' });
    if (this.answered.has(activity.id)) {
      status.textContent = 'Your answer was sent. You can change it while the question is open.';
      status.className = 'success';
    }
    const fieldset = h('fieldset', {}, h('legend', {}, activity.prompt));
    const name = uniqueId('answer');
    let read: () => Record<string, unknown> | string;
    if (activity.questionType === 'single_choice' || activity.questionType === 'multiple_choice') {
      const type = activity.questionType === 'single_choice' ? 'radio' : 'checkbox';
      const inputs = activity.options.map((option) => {
        const input = h('input', { type, name, value: option.id });
        input.checked = stored?.optionIds?.includes(option.id) ?? false;
        fieldset.append(h('label', { class: 'choice' }, input, option.label));

        return input;
      });
      read = () => {
        const optionIds = inputs.filter((input) => input.checked).map((input) => input.value);

        return optionIds.length > 0 ? { optionIds } : 'Choose an answer first.';
      };
    } else {
      const id = uniqueId('answer-input');
      const numeric = activity.questionType === 'numeric';
      const input = h('input', {
        id,
        type: numeric ? 'number' : 'text',
        step: numeric ? 'any' : undefined,
        maxlength: numeric ? undefined : 200,
        autocomplete: 'off',
      });
      input.value = numeric ? String(stored?.number ?? '') : (stored?.text ?? '');
      fieldset.append(h('label', { for: id }, 'Your answer'), input);
      read = () => {
        const value = input.value.trim();
        if (value === '') {
          return 'Type an answer first.';
        }
        if (!numeric) {
          return { text: value };
        }
        const number = Number(value);

        return Number.isFinite(number) ? { number } : 'Type a number, such as 0.5.';
      };
    }
    const submit = h('button', { type: 'submit' }, 'Submit answer');
    const form = h(
      'form',
      { 'aria-label': activity.kind === 'check' ? 'Answer the check' : 'Answer the poll' },
      fieldset,
      submit,
      status,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = read();
      if (typeof input === 'string') {
        status.className = 'error';
        status.textContent = input;

        return;
      }
      submit.disabled = true;
      this.api
        .request(Q.SUBMIT_RESPONSE, { activityId: activity.id, input })
        .then(() => {
          this.answered.add(activity.id);
          status.className = 'success';
          status.textContent =
            'Your answer was sent. You can change it while the question is open.';
        })
        .catch((error: unknown) => {
          status.className = 'error';
          status.textContent = `Your answer was not sent: ${messageOf(error)}`;
        })
        .finally(() => {
          submit.disabled = false;
        });
    });

    return form;
  }

  // Hand raising

  private renderHand(): void {
    const status = h('p', { class: 'muted', role: 'status' });
    this.handButton.addEventListener('click', () => {
      const raised = !this.handRaised;
      this.handButton.disabled = true;
      this.api
        .request(Q.RECORD_EVENT, {
          sessionId: this.session!.id,
          input: { type: 'hand_raised', raised, occurredAt: new Date().toISOString() },
        })
        .then(() => {
          this.handRaised = raised;
          this.handButton.setAttribute('aria-pressed', String(raised));
          this.handButton.textContent = raised ? 'Lower hand' : 'Raise hand';
          status.textContent = raised ? 'Your hand is raised.' : 'Your hand is lowered.';
        })
        .catch((error: unknown) => {
          status.textContent = `The hand could not change: ${messageOf(error)}`;
        })
        .finally(() => {
          this.handButton.disabled = false;
        });
    });
    this.handPanel.body.replaceChildren(this.handButton, status);
  }

  // Chat

  private renderChatForm(): void {
    const id = uniqueId('chat-input');
    const input = h('input', { id, type: 'text', maxlength: 2000, autocomplete: 'off' });
    const status = h('p', { role: 'status', class: 'muted' });
    const form = h(
      'form',
      { 'aria-label': 'Send a chat message' },
      h('label', { for: id }, 'Message'),
      h('div', { class: 'row' }, input, h('button', { type: 'submit' }, 'Send')),
      status,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = input.value.trim();
      if (body === '') {
        status.textContent = 'Type a message first.';

        return;
      }
      this.api
        .request(Q.SEND_CHAT, { sessionId: this.session!.id, input: { body } })
        .then(() => {
          input.value = '';
          status.textContent = '';
        })
        .catch((error: unknown) => {
          status.textContent = `The message was not sent: ${messageOf(error)}`;
        });
    });
    if (this.session!.role === 'observer') {
      this.chatPanel.body.replaceChildren(
        this.chatLog,
        h('p', { class: 'muted' }, 'Observers read the chat only.'),
      );
    } else {
      this.chatPanel.body.replaceChildren(this.chatLog, form);
    }
  }

  private async loadChat(): Promise<void> {
    const { chatMessages } = await this.api.request<{ chatMessages: ChatMessage[] }>(Q.CHAT_QUERY, {
      sessionId: this.session!.id,
    });
    this.chatLog.replaceChildren();
    for (const message of chatMessages) {
      this.appendChat(message);
    }
  }

  private appendChat(message: ChatMessage): void {
    if (this.chatLog.querySelector(`[data-id="${message.id}"]`)) {
      return;
    }
    const time = new Date(message.sentAt).toLocaleTimeString([], {
      hour: '2-digit',
      minute: '2-digit',
    });
    this.chatLog.append(
      h(
        'li',
        { 'data-id': message.id },
        h('span', { class: 'sender' }, message.senderName),
        h('span', { class: 'muted' }, ` ${time}: `),
        message.body,
      ),
    );
    this.chatLog.scrollTop = this.chatLog.scrollHeight;
  }

  // Breakout group

  private async loadBreakout(): Promise<void> {
    const { breakoutGroups } = await this.api.request<{ breakoutGroups: BreakoutGroup[] }>(
      Q.BREAKOUTS_QUERY,
      {
        sessionId: this.session!.id,
      },
    );
    const mine = breakoutGroups.find(
      (group) =>
        group.status === 'open' && group.participantIds.includes(this.session!.participantId),
    );
    const body = this.breakoutPanel.body;
    if (!mine) {
      const open = breakoutGroups.filter((group) => group.status === 'open').length;
      body.replaceChildren(
        h(
          'p',
          { class: 'muted' },
          open > 0 && this.session!.role === 'instructor'
            ? `${open} breakout groups are open.`
            : 'You are not in a breakout group.',
        ),
      );

      return;
    }
    const closes = new Date(mine.closesAt).toLocaleTimeString([], {
      hour: '2-digit',
      minute: '2-digit',
    });
    const text = `You are in ${mine.name} until ${closes}.`;
    if (body.dataset.groupId !== mine.id) {
      this.announce(text);
    }
    body.dataset.groupId = mine.id;
    body.replaceChildren(h('p', {}, text), h('p', {}, mine.instructions));
  }

  // Whiteboard

  private drawDecision(): { allowed: boolean; reason: string } {
    const session = this.session;
    const settings = this.board?.settings;
    if (!session || !settings) {
      return { allowed: false, reason: 'No whiteboard yet.' };
    }
    if (session.role === 'observer') {
      return { allowed: false, reason: 'Observers view the whiteboard only.' };
    }
    if (session.role === 'instructor') {
      return { allowed: true, reason: '' };
    }
    if (session.status !== 'live') {
      return { allowed: false, reason: 'Drawing opens when the lesson is live.' };
    }
    if (!this.toolAllowed('whiteboard')) {
      return { allowed: false, reason: 'The current phase does not use the whiteboard.' };
    }
    if (settings.locked) {
      return { allowed: false, reason: 'The instructor locked the whiteboard.' };
    }
    if (settings.drawPolicy === 'instructor_only') {
      return { allowed: false, reason: 'Only the instructor draws on this whiteboard.' };
    }
    if (
      settings.drawPolicy === 'selected' &&
      !settings.selectedParticipantIds.includes(session.participantId)
    ) {
      return { allowed: false, reason: 'The instructor chose other participants to draw.' };
    }

    return { allowed: true, reason: '' };
  }

  /** Loads the main board once it exists; later calls return while one is shown or loading. */
  private loadBoard(): Promise<void> {
    if (this.board) {
      return Promise.resolve();
    }
    this.boardLoading ??= this.readBoard().finally(() => {
      this.boardLoading = undefined;
    });

    return this.boardLoading;
  }

  private async readBoard(): Promise<void> {
    const sessionId = this.session!.id;
    const { boards } = await this.api.request<{ boards: Board['settings'][] }>(Q.BOARDS_QUERY, {
      sessionId,
    });
    const main = boards.find((board) => board.breakoutGroupId === null);
    if (!main) {
      this.boardPanel.body.replaceChildren(
        h('p', { class: 'muted' }, 'The instructor has not opened a whiteboard.'),
      );

      return;
    }
    const board = new Board(this.api, main, this.session!.participantId, (message) =>
      this.showError(message),
    );
    this.board = board;
    this.boardPanel.body.replaceChildren(board.element);
    // Subscribe first, then read the snapshot, so no operation falls between the two.
    this.listen<{ boardOperationAdded: Parameters<Board['apply']>[0] }>(
      Q.BOARD_OPERATION_ADDED,
      { sessionId, boardId: main.id },
      (data) => board.apply(data.boardOperationAdded),
    );
    await board.loadSnapshot();
    board.setDrawAllowed(this.drawDecision());
  }

  // Video and audio

  private async startMedia(): Promise<void> {
    const media = this.options.media ?? (await this.requestMedia());
    if (this.disposed) {
      return;
    }
    const body = this.mediaPanel.body;
    if (!media.available || !media.url || !media.token) {
      const reason = media.reason ?? 'The server returned no LiveKit address or token.';
      body.replaceChildren(
        h(
          'p',
          { class: 'media-notice', role: 'note' },
          `Video and audio are not available in this classroom. ${reason} Everything else works without them.`,
        ),
      );

      return;
    }
    const videos = h('div', { class: 'videos', 'aria-label': 'Video of the participants' });
    const status = h('p', { role: 'status' }, `Connecting video and audio to ${media.url}…`);
    body.replaceChildren(status, videos);
    let connection: MediaConnection;
    try {
      connection = await loadMedia(this.api.apiUrl, {
        url: media.url,
        token: media.token,
        container: videos,
      });
    } catch (error) {
      status.textContent =
        `Video and audio could not connect to ${media.url} (${messageOf(error)}). ` +
        'Everything else works without them. Reload the page to try again.';

      return;
    }
    if (this.disposed) {
      connection.disconnect();

      return;
    }
    this.cleanups.push(() => connection.disconnect());
    status.textContent = 'Video and audio are connected.';
  }

  /**
   * Requests LiveKit access for this participant token, for a mount without `media`. A rejected
   * request returns unavailable media with the API's message, which the media notice shows.
   */
  private async requestMedia(): Promise<MediaAccess> {
    try {
      const { issueMediaToken } = await this.api.request<{ issueMediaToken: MediaAccess }>(
        Q.ISSUE_MEDIA_TOKEN,
        { sessionId: this.session!.id },
      );

      return issueMediaToken;
    } catch (error) {
      return { available: false, reason: messageOf(error) };
    }
  }
}
