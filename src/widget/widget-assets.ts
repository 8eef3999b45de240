import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The browser files of the widget, as `npm run build:widget` writes them. */
export const WIDGET_FILES = ['widget.js', 'widget-media.js'] as const;

export type WidgetFile = (typeof WIDGET_FILES)[number];

/** One bundle file, read once and kept in memory with its entity tag. */
export interface WidgetAsset {
  body: Buffer;
  etag: string;
}

/**
 * Returns the folder of the bundled widget: `dist/widget` of the repository. From the compiled
 * server (`dist/src/widget`) two levels up is `dist`, and from the TypeScript sources run by
 * ts-node or jest (`src/widget`) it is the repository root.
 */
export function widgetBundleDir(): string {
  const twoUp = resolve(__dirname, '..', '..');

  return basename(twoUp) === 'dist' ? join(twoUp, 'widget') : join(twoUp, 'dist', 'widget');
}

/** Reads the widget bundle files on first use and serves them from memory afterwards. */
@Injectable()
export class WidgetAssets {
  private readonly logger = new Logger(WidgetAssets.name);
  private readonly cache = new Map<WidgetFile, WidgetAsset>();

  constructor(private readonly dir: string = widgetBundleDir()) {}

  /** Returns the file, or undefined when the bundle was not built. */
  get(file: WidgetFile): WidgetAsset | undefined {
    const cached = this.cache.get(file);
    if (cached) {
      return cached;
    }
    let body: Buffer;
    try {
      body = readFileSync(join(this.dir, file));
    } catch (error) {
      this.logger.error({ err: error, file, dir: this.dir }, 'Widget bundle file is missing');

      return undefined;
    }
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    const asset = { body, etag: `"${hash}"` };
    this.cache.set(file, asset);

    return asset;
  }
}
