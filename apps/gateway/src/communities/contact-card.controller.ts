import { Controller, Get, Header, Inject, Param, Req, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { ContactCardViewSchema, GetContactCardQryV1, type Actor, type ContactCardView } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuditedRequest } from '../audit/audit.interceptor';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { MINUTES_PDF_FONT_DIR } from '../minutes/minutes-pdf.controller';
import { PdfFontLocator } from '../minutes/pdf-font-locator';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { contactCardPdf } from './contact-card-pdf';

const IdParam = z.object({ id: z.string().uuid('must be a community id') });

/**
 * A community's contact card (ADR 49): the current officers who agreed to publish a work phone and the police unit's
 * duty number, as JSON (the field kit's offline pack, the resident survey page) or as a printable PDF. Both are
 * exports of names and numbers, so every answer is recorded in the audit log, successful reads included.
 */
@Controller('communities')
export class ContactCardController {
  private readonly fonts: PdfFontLocator;

  constructor(
    @Inject(RPC_CLIENT) private readonly rpc: RpcClient,
    @Inject(MINUTES_PDF_FONT_DIR) fontDir: string | undefined,
  ) {
    this.fonts = new PdfFontLocator(fontDir);
  }

  @Get(':id/contact-card')
  @RequirePermission('community:read')
  @ApiContract({
    summary: 'The contact card of a community in scope: officers who agreed to publish a work phone, the police unit and its duty number, the community’s language',
    response: ContactCardViewSchema,
  })
  card(@CurrentActor() actor: Actor, @Param() params: unknown, @Req() request: AuditedRequest, @CorrelationId() correlationId: string): Promise<ContactCardView> {
    return this.load(actor, params, request, correlationId);
  }

  @Get(':id/contact-card.pdf')
  @RequirePermission('community:read')
  @Header('Content-Type', 'application/pdf')
  @ApiContract({
    summary:
      'The contact card of a community in scope as a PDF to print: one A6 page per officer who agreed to publish a work phone, else one page with the police unit’s duty number; in the community’s language',
    produces: 'application/pdf',
  })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @Req() request: AuditedRequest,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const card = await this.load(actor, params, request, correlationId);
    const pdf = await contactCardPdf(card, this.fonts.locate());
    void reply.header('Content-Disposition', `attachment; filename="contact-card-${card.communityId}.pdf"`).header('Cache-Control', 'private, no-store');
    return pdf;
  }

  private load(actor: Actor, params: unknown, request: AuditedRequest, correlationId: string): Promise<ContactCardView> {
    request.auditRead = true;
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetContactCardQryV1, actor, { communityId: id }, { correlationId });
  }
}
