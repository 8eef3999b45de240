import { Module } from '@nestjs/common';
import { WidgetAssets } from './widget-assets';
import { WidgetController } from './widget.controller';

/** The embeddable room widget: `/widget.js`, its media add-on and the `/embed` page. */
@Module({
  controllers: [WidgetController],
  providers: [{ provide: WidgetAssets, useFactory: () => new WidgetAssets() }],
})
export class WidgetModule {}
