import { ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, validateSync } from 'class-validator';
import { badInput } from '../../common/app-error';
import { validationErrorToAppError } from '../../common/validation';
import { TRANSCRIPT_FORMATS, TranscriptFormat } from '../transcript-limits';
import { UploadTranscriptInput } from './upload-transcript.input';

export class UploadTranscriptQuery {
  @ApiPropertyOptional({
    enum: TRANSCRIPT_FORMATS,
    description:
      'Format of a `text/plain` body; default `text`. `text/vtt` bodies are always `webvtt`.',
  })
  @IsOptional()
  @IsIn(TRANSCRIPT_FORMATS)
  format?: TranscriptFormat;
}

export interface UploadRequest {
  format: string;
  content: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a `{ format, content }` JSON body with the same rules as the GraphQL input. */
function validateEnvelope(body: Record<string, unknown>): UploadRequest {
  const input = plainToInstance(UploadTranscriptInput, body);
  const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw validationErrorToAppError(errors);
  }

  return { format: input.format, content: input.content };
}

/**
 * Reads a REST upload body by its media type: `text/vtt` is WebVTT, `text/plain` is the format
 * in `?format=` (default `text`), and JSON is either `{ format, content }` or the JSON transcript itself.
 */
export function readUploadBody(
  contentType: string | undefined,
  body: unknown,
  query: UploadTranscriptQuery,
): UploadRequest {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'text/vtt') {
    return { format: 'webvtt', content: body };
  }
  if (mediaType === 'text/plain') {
    return { format: query.format ?? 'text', content: body };
  }
  if (Array.isArray(body) || (isObject(body) && 'segments' in body)) {
    return { format: 'json', content: body };
  }
  if (isObject(body) && ('format' in body || 'content' in body)) {
    return validateEnvelope(body);
  }
  throw badInput(
    'body',
    'Send the transcript as text/vtt, as text/plain, or as JSON: { "format", "content" }, a segments array, or { "segments": [...] }.',
    'TRANSCRIPT_BODY_INVALID',
  );
}
