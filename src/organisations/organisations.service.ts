import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { coversDistrict } from '../common/actor/access.js';
import type { Actor } from '../common/actor/actor.js';
import { InvalidInputError } from '../common/errors/domain-error.js';
import { inTransaction } from '../database/transaction.js';
import { DistrictsService } from '../districts/districts.service.js';
import type { CreateOrganisationDto, OrganisationView } from './dto/organisation.dto.js';
import { Organisation } from './organisation.entity.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly districts: DistrictsService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateOrganisationDto, actor: Actor): Promise<OrganisationView> {
    if (dto.districtCode && (await this.districts.unknownCodes([dto.districtCode])).length > 0) {
      throw new InvalidInputError([
        { field: 'districtCode', code: 'validation.unknownDistrict', params: { id: dto.districtCode } },
      ]);
    }
    if (!coversDistrict(actor, dto.districtCode ?? null)) {
      throw new InvalidInputError([{ field: 'districtCode', code: 'validation.outsideYourDistricts' }]);
    }
    return inTransaction(this.dataSource, async (manager) => {
      const organisation = await manager.save(
        manager.create(Organisation, {
          kind: dto.kind,
          name: dto.name,
          districtCode: dto.districtCode ?? null,
        }),
      );
      await this.audit.record(manager, actor, 'organisation.created', {
        type: 'organisation',
        id: organisation.id,
      });
      return this.view(organisation);
    });
  }

  /** Requesters see their own organisations; coordinators those of their districts; the city office all. */
  async list(actor: Actor): Promise<OrganisationView[]> {
    const where =
      actor.role === 'requester'
        ? { id: In(actor.organisationIds ?? []) }
        : actor.districtCodes
          ? [{ districtCode: IsNull() }, { districtCode: In(actor.districtCodes) }]
          : {};
    const organisations = await this.dataSource
      .getRepository(Organisation)
      .find({ where, order: { name: 'ASC' } });
    return organisations.map((organisation) => this.view(organisation));
  }

  private view(organisation: Organisation): OrganisationView {
    return {
      id: organisation.id,
      kind: organisation.kind,
      name: organisation.name,
      districtCode: organisation.districtCode,
    };
  }
}
