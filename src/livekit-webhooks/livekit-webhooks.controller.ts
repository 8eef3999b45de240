import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { AppError, ErrorCode } from '../common/app-error';
import { LivekitWebhookResult } from './livekit-webhook.result';
import { LivekitWebhooksService } from './livekit-webhooks.service';
import { WEBHOOK_CONTENT_TYPE } from './raw-body';

@ApiTags('webhooks')
@Controller('webhooks')
export class LivekitWebhooksController {
  constructor(private readonly webhooks: LivekitWebhooksService) {}

  /** Public, because LiveKit authenticates with a signature over the body and not with an API key. */
  @Public()
  @Post('livekit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Receive a LiveKit webhook. The Authorization header is a token signed with the LiveKit API ' +
      'secret whose sha256 claim is the hash of the body. Returns 401 for a bad signature and 503 ' +
      'when LiveKit is not configured; every verified webhook is acknowledged with 200.',
  })
  @ApiConsumes(WEBHOOK_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'object', description: 'A LiveKit WebhookEvent in JSON.' } })
  @ApiOkResponse({ type: LivekitWebhookResult })
  receive(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): Promise<LivekitWebhookResult> {
    if (typeof body !== 'string') {
      throw new AppError(
        ErrorCode.BadUserInput,
        `Send the webhook as ${WEBHOOK_CONTENT_TYPE}, as LiveKit does, so its signature can be checked against the exact body.`,
        { reason: 'UNSUPPORTED_MEDIA_TYPE', field: 'content-type', httpStatus: 415 },
      );
    }

    return this.webhooks.receive(body, authorization);
  }
}
