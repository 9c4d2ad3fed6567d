import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { mayHandleRequest } from '../common/actor/access.js';
import type { Actor } from '../common/actor/actor.js';
import type { RequestView } from '../requests/dto/request.view.js';
import { RequestsService } from '../requests/requests.service.js';
import { columnName, type ColumnMap, type RequestField } from './columns.js';
import { ImportedRequestRef } from './imported-request-ref.entity.js';
import { requestColumnOf, type RequestRow } from './request-rows.js';
import { done, refusedBy, rejected, type RowResult } from './row-outcome.js';

/**
 * Applies (or weighs) one row of the city's list of requests. A new request is created as a requester
 * would create it (RequestsService.create): a draft, which its organisation or a coordinator opens once
 * checked. Only drafts and open requests change on a re-import; later ones are reported, not touched.
 */
@Injectable()
export class RequestImporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
  ) {}

  async handle(
    row: RequestRow,
    map: ColumnMap<RequestField>,
    actor: Actor,
    dryRun: boolean,
  ): Promise<RowResult> {
    const column = (field: RequestField) => columnName('requests', map, field);
    const columnOf = (field: string) => column(requestColumnOf(field) ?? 'title');
    const organisationId = row.organisationId!;
    if (!mayHandleRequest(actor, { organisationId, districtCode: row.dto.districtCode ?? null })) {
      return rejected(row.line, [{ field: column('district'), code: 'validation.outsideYourDistricts' }]);
    }
    const dto = { ...row.dto, organisationId };
    const existing = await this.find(row, actor);
    if (!existing) {
      if (dryRun) return done(row.line, 'created', null);
      try {
        const created = await this.requests.create(dto, actor);
        if (row.reference) await this.link(row.reference, created.id);
        return done(row.line, 'created', created.id);
      } catch (error) {
        return refusedBy(error, row.line, columnOf);
      }
    }
    if (!mayHandleRequest(actor, { organisationId, districtCode: existing.districtCode })) {
      return rejected(row.line, [{ field: column('district'), code: 'validation.outsideYourDistricts' }]);
    }
    if (existing.organisation.id !== organisationId) {
      return rejected(row.line, [{ field: column('reference'), code: 'import.referenceTaken' }]);
    }
    const changes = changedFields(existing, row);
    if (changes.length === 0) {
      if (row.reference) await this.link(row.reference, existing.id);
      return done(row.line, 'unchanged', existing.id);
    }
    const changedColumns = [...new Set(changes.map((field) => columnOf(field)))];
    if (!['draft', 'open'].includes(existing.status)) {
      return rejected(row.line, [
        {
          field: '',
          code: 'errors.requestNotEditable',
          params: { entity: 'request', status: existing.status },
        },
      ]);
    }
    if (dryRun) return done(row.line, 'updated', existing.id, changedColumns);
    const { kind: _kind, organisationId: _organisation, ...editable } = dto;
    try {
      await this.requests.update(existing.id, editable, actor);
      if (row.reference) await this.link(row.reference, existing.id);
      return done(row.line, 'updated', existing.id, changedColumns);
    } catch (error) {
      return refusedBy(error, row.line, columnOf);
    }
  }

  /**
   * By the city's reference number; else (and for a number not linked yet, e.g. after a crash between
   * creating the request and recording its number) by organisation, title and first session.
   */
  private async find(row: RequestRow, actor: Actor): Promise<RequestView | null> {
    if (row.reference) {
      const ref = await this.dataSource
        .getRepository(ImportedRequestRef)
        .findOneBy({ reference: row.reference });
      if (ref) return this.requests.findOne(ref.requestId, { ...actor, districtCodes: undefined });
    }
    const [found]: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM requests r
        WHERE r.organisation_id = $1 AND r.title = $2
          AND (SELECT min(s.starts_at) FROM request_slots s WHERE s.request_id = r.id) = $3
          AND NOT EXISTS (SELECT 1 FROM imported_request_refs x WHERE x.request_id = r.id AND x.reference <> $4)
        ORDER BY r.created_at LIMIT 1`,
      [row.organisationId, row.dto.title, new Date(row.dto.slots[0].startsAt), row.reference ?? ''],
    );
    return found ? this.requests.findOne(found.id, { ...actor, districtCodes: undefined }) : null;
  }

  private async link(reference: string, requestId: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ImportedRequestRef)
      .values({ reference, requestId })
      .orIgnore()
      .execute();
  }
}

/** The DTO fields whose value in the row differs from the request held. */
function changedFields(held: RequestView, row: RequestRow): string[] {
  const dto = row.dto;
  const property = dto.school ? 'school' : dto.family ? 'family' : 'course';
  const details = (dto.school ?? dto.family ?? dto.course ?? {}) as Record<string, unknown>;
  const heldDetails = held.details as unknown as Record<string, unknown>;
  const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const checks: [string, boolean][] = [
    ['title', dto.title !== held.title],
    ['description', (dto.description ?? '') !== held.description],
    ['districtCode', (dto.districtCode ?? null) !== held.districtCode],
    ['venue', (dto.venue ?? null) !== held.venue],
    ['online', (dto.online ?? false) !== held.online],
    ['need', dto.need !== held.need],
    ['deadline', Date.parse(dto.deadline) !== new Date(held.deadline).getTime()],
    [
      'slots[0].startsAt',
      held.slots.length !== 1 ||
        Date.parse(dto.slots[0].startsAt) !== new Date(held.slots[0].startsAt).getTime(),
    ],
    [
      'slots[0].endsAt',
      held.slots.length === 1 && Date.parse(dto.slots[0].endsAt) !== new Date(held.slots[0].endsAt).getTime(),
    ],
    [
      'requiredSkills',
      !sameJson(
        dto.requiredSkills.map((s) => `${s.skillCode}:${s.minLevel}`).sort(),
        held.requiredSkills.map((s) => `${s.skillCode}:${s.minLevel}`).sort(),
      ),
    ],
    ...Object.keys(details).map((key): [string, boolean] => [
      `${property}.${key}`,
      !sameJson(details[key], heldDetails[key]),
    ]),
  ];
  return checks.filter(([, changed]) => changed).map(([field]) => field);
}
