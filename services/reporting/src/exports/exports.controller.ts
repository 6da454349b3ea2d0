import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetReportExportQryV1,
  ListReportExportsQryV1,
  ReadReportExportContentQryV1,
  RenderReportCsvQryV1,
  RequestReportExportCmdV1,
  type ReplyOf,
} from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { ExportsService } from './exports.service';

/** NATS handlers of the export jobs. The repository forks its own EntityManager per query (no request context needed). */
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @MessagePattern(RequestReportExportCmdV1.name)
  request(@Payload() raw: unknown): Promise<ReplyOf<typeof RequestReportExportCmdV1>> {
    const { actor, data } = parseRequest(RequestReportExportCmdV1, raw);
    return this.exports.request(actor, data);
  }

  @MessagePattern(RenderReportCsvQryV1.name)
  renderCsv(@Payload() raw: unknown): Promise<ReplyOf<typeof RenderReportCsvQryV1>> {
    const { actor, data } = parseRequest(RenderReportCsvQryV1, raw);
    return this.exports.renderCsv(actor, data);
  }

  @MessagePattern(GetReportExportQryV1.name)
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetReportExportQryV1>> {
    const { actor, data } = parseRequest(GetReportExportQryV1, raw);
    return this.exports.get(actor, data.id);
  }

  @MessagePattern(ListReportExportsQryV1.name)
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListReportExportsQryV1>> {
    const { actor, data } = parseRequest(ListReportExportsQryV1, raw);
    return this.exports.list(actor, data);
  }

  @MessagePattern(ReadReportExportContentQryV1.name)
  read(@Payload() raw: unknown): Promise<ReplyOf<typeof ReadReportExportContentQryV1>> {
    const { actor, data } = parseRequest(ReadReportExportContentQryV1, raw);
    return this.exports.read(actor, data);
  }
}
