import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { EMBED_CSP, embedErrorPage, embedPage, queryTokenProblem } from './embed-page';
import { WidgetAssets, WidgetFile } from './widget-assets';

/** Seconds browsers and CDNs may reuse a widget file before they revalidate it by its ETag. */
const WIDGET_MAX_AGE_SECONDS = 300;

/** Serves the embeddable widget's scripts and the embed page; public, because they hold no data. */
@ApiExcludeController()
@Controller()
export class WidgetController {
  constructor(private readonly assets: WidgetAssets) {}

  @Public()
  @Get('widget.js')
  widget(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    return this.sendScript('widget.js', ifNoneMatch, reply);
  }

  @Public()
  @Get('widget-media.js')
  media(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    return this.sendScript('widget-media.js', ifNoneMatch, reply);
  }

  @Public()
  @Get('embed')
  embed(@Query('token') token: unknown, @Res() reply: FastifyReply): FastifyReply {
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', EMBED_CSP);
    const problem = queryTokenProblem(token);
    if (problem) {
      return reply.code(400).send(embedErrorPage(problem));
    }

    return reply.code(200).send(embedPage());
  }

  private sendScript(
    file: WidgetFile,
    ifNoneMatch: string | undefined,
    reply: FastifyReply,
  ): FastifyReply {
    const asset = this.assets.get(file);
    if (!asset) {
      return reply
        .code(503)
        .header('content-type', 'text/javascript; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          `console.error(${JSON.stringify(`HiLink: ${file} is not built on this server. Run npm run build on the server and restart it.`)});\n`,
        );
    }
    void reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', `public, max-age=${WIDGET_MAX_AGE_SECONDS}`)
      .header('etag', asset.etag)
      .header('x-content-type-options', 'nosniff')
      // Partner pages load the script from their own origin, with or without `crossorigin`.
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin');
    if (ifNoneMatch === asset.etag) {
      return reply.code(304).send();
    }

    return reply.code(200).send(asset.body);
  }
}
