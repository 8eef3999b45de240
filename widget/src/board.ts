import { WidgetApi } from './api';
import { h, uniqueId } from './dom';
import { SNAPSHOT_QUERY, SUBMIT_BOARD } from './queries';

interface Element {
  id: string;
  kind: string;
  properties: Record<string, unknown> | null;
  deleted: boolean;
}

export interface BoardSettings {
  id: string;
  breakoutGroupId: string | null;
  locked: boolean;
  drawPolicy: string;
  selectedParticipantIds: string[];
}

interface Operation {
  boardId: string;
  sequence: number;
  type: string;
  elements: Element[];
}

/** Board coordinates of the canvas; strokes are stored in these units. */
const WIDTH = 1600;
const HEIGHT = 900;

function randomId(): string {
  return Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
}

/** The session's main whiteboard: a canvas that shows the elements and records strokes and notes. */
export class Board {
  readonly element: HTMLElement;
  private readonly canvas = h('canvas', { width: WIDTH, height: HEIGHT, role: 'img' });
  private readonly elements = new Map<string, Element>();
  private readonly pending: Operation[] = [];
  private readonly policyNote = h('p', { class: 'muted', role: 'status' });
  private readonly noteInput: HTMLInputElement;
  private readonly noteForm: HTMLFormElement;
  private sequence = -1;
  private drawAllowed = false;
  private stroke: number[][] | null = null;

  constructor(
    private readonly api: WidgetApi,
    readonly settings: BoardSettings,
    private readonly participantId: string,
    private readonly onError: (message: string) => void,
  ) {
    const inputId = uniqueId('note');
    this.noteInput = h('input', { id: inputId, type: 'text', maxlength: 500, autocomplete: 'off' });
    this.noteForm = h(
      'form',
      { 'aria-label': 'Add a note to the whiteboard' },
      h('label', { for: inputId }, 'Note for the whiteboard'),
      h('div', { class: 'row' }, this.noteInput, h('button', { type: 'submit' }, 'Add note')),
    );
    this.noteForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.noteInput.value.trim();
      if (text === '') {
        return;
      }
      const x = 40 + ((this.elements.size * 60) % (WIDTH - 400));
      this.submit({
        type: 'add',
        elementId: `note:${randomId()}`,
        kind: 'sticky_note',
        properties: { x, y: 60, text },
      });
      this.noteInput.value = '';
    });
    this.element = h('div', {}, this.canvas, this.policyNote, this.noteForm);
    this.canvas.addEventListener('pointerdown', (event) => this.startStroke(event));
    this.canvas.addEventListener('pointermove', (event) => this.extendStroke(event));
    this.canvas.addEventListener('pointerup', () => this.endStroke());
    this.canvas.addEventListener('pointercancel', () => this.endStroke());
    this.describe();
  }

  /** Reads the current elements, then applies the live operations that arrived meanwhile. */
  async loadSnapshot(): Promise<void> {
    const { boardSnapshot } = await this.api.request<{
      boardSnapshot: { sequence: number; elements: Element[] };
    }>(SNAPSHOT_QUERY, { boardId: this.settings.id });
    this.elements.clear();
    for (const element of boardSnapshot.elements) {
      this.elements.set(element.id, element);
    }
    this.sequence = boardSnapshot.sequence;
    for (const operation of this.pending.splice(0)) {
      this.apply(operation);
    }
    this.draw();
  }

  /** Applies one live operation as docs/whiteboard.md describes: clear first, then each changed element. */
  apply(operation: Operation): void {
    if (operation.boardId !== this.settings.id) {
      return;
    }
    if (this.sequence < 0) {
      this.pending.push(operation);

      return;
    }
    if (operation.sequence <= this.sequence) {
      return;
    }
    this.sequence = operation.sequence;
    if (operation.type === 'clear') {
      this.elements.clear();
    }
    for (const element of operation.elements) {
      if (element.deleted) {
        this.elements.delete(element.id);
      } else {
        this.elements.set(element.id, element);
      }
    }
    this.draw();
  }

  setDrawAllowed(decision: { allowed: boolean; reason: string }): void {
    this.drawAllowed = decision.allowed;
    this.policyNote.textContent = decision.allowed
      ? 'Draw with a mouse, pen or finger, or add a note with the keyboard.'
      : decision.reason;
    this.noteForm.hidden = !decision.allowed;
    this.canvas.style.cursor = decision.allowed ? 'crosshair' : 'default';
  }

  private point(event: PointerEvent): number[] {
    const box = this.canvas.getBoundingClientRect();

    return [
      Math.round(((event.clientX - box.left) / box.width) * WIDTH),
      Math.round(((event.clientY - box.top) / box.height) * HEIGHT),
    ];
  }

  private startStroke(event: PointerEvent): void {
    if (!this.drawAllowed) {
      return;
    }
    this.canvas.setPointerCapture(event.pointerId);
    this.stroke = [this.point(event)];
  }

  private extendStroke(event: PointerEvent): void {
    if (!this.stroke || this.stroke.length >= 1500) {
      return;
    }
    this.stroke.push(this.point(event));
    this.draw();
  }

  private endStroke(): void {
    const points = this.stroke;
    this.stroke = null;
    if (!points) {
      return;
    }
    this.submit({
      type: 'add',
      elementId: `stroke:${randomId()}`,
      kind: 'stroke',
      properties: { points, color: '#1a1a1a', strokeWidth: 4 },
    });
  }

  private submit(operation: Record<string, unknown>): void {
    const input = {
      operations: [
        { clientOperationId: `w-${this.participantId.slice(0, 8)}-${randomId()}`, ...operation },
      ],
    };
    this.api.request(SUBMIT_BOARD, { boardId: this.settings.id, input }).catch((error: unknown) => {
      this.onError(
        `The whiteboard did not accept the change: ${error instanceof Error ? error.message : String(error)}`,
      );
      this.draw();
    });
  }

  private describe(): void {
    const notes = [...this.elements.values()].filter(
      (element) => typeof element.properties?.text === 'string',
    );
    const summary = notes.map((element) => String(element.properties!.text)).join('; ');
    this.canvas.setAttribute(
      'aria-label',
      `Whiteboard with ${this.elements.size} ${this.elements.size === 1 ? 'element' : 'elements'}${summary ? `. Text on it: ${summary.slice(0, 500)}` : ''}`,
    );
  }

  private draw(): void {
    const context = this.canvas.getContext('2d');
    if (!context) {
      return;
    }
    context.clearRect(0, 0, WIDTH, HEIGHT);
    context.lineCap = 'round';
    context.lineJoin = 'round';
    for (const element of this.elements.values()) {
      drawElement(context, element);
    }
    if (this.stroke) {
      drawElement(context, {
        id: 'local',
        kind: 'stroke',
        deleted: false,
        properties: { points: this.stroke },
      });
    }
    this.describe();
  }
}

function numberOf(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function drawElement(context: CanvasRenderingContext2D, element: Element): void {
  const p = element.properties ?? {};
  const color = typeof p.color === 'string' ? p.color : '#1a1a1a';
  context.strokeStyle = color;
  context.fillStyle = color;
  context.lineWidth = numberOf(p.strokeWidth, 3);
  const x = numberOf(p.x, 0);
  const y = numberOf(p.y, 0);
  switch (element.kind) {
    case 'stroke':
    case 'line':
    case 'arrow': {
      const points = Array.isArray(p.points) ? (p.points as number[][]) : [];
      context.beginPath();
      points.forEach(([px, py], index) =>
        index === 0 ? context.moveTo(px, py) : context.lineTo(px, py),
      );
      if (points.length === 1) {
        context.lineTo(points[0][0] + 0.1, points[0][1]);
      }
      context.stroke();
      break;
    }
    case 'rectangle':
      context.strokeRect(x, y, numberOf(p.width, 0), numberOf(p.height, 0));
      break;
    case 'ellipse': {
      const width = numberOf(p.width, 0);
      const height = numberOf(p.height, 0);
      context.beginPath();
      context.ellipse(x + width / 2, y + height / 2, width / 2, height / 2, 0, 0, Math.PI * 2);
      context.stroke();
      break;
    }
    case 'text':
    case 'sticky_note': {
      const text = typeof p.text === 'string' ? p.text : '';
      context.font = `${numberOf(p.fontSize, 32)}px system-ui, sans-serif`;
      if (element.kind === 'sticky_note') {
        const width = Math.min(context.measureText(text).width + 24, 600);
        context.fillStyle = '#fff3b0';
        context.fillRect(x, y, width, 56);
        context.fillStyle = '#1a1a1a';
      }
      context.fillText(text.slice(0, 200), x + 12, y + 38, 576);
      break;
    }
    default:
      break;
  }
}
