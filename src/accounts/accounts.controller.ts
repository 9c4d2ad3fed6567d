import { Body, Controller, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { AccountsService } from './accounts.service.js';
import { AccountView, CoordinatorDistrictsDto, CreateStaffAccountDto } from './dto/auth.dto.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** The city office creates coordinators' accounts. */
  @Post()
  @Roles('admin')
  create(@Body() dto: CreateStaffAccountDto, @CurrentActor() actor: Actor): Promise<AccountView> {
    return this.accounts.createStaff(actor, dto);
  }

  /** Limits a coordinator to some districts, or (null) lets them cover the whole city again. */
  @Put(':id/districts')
  @Roles('admin')
  setDistricts(
    @UuidParam() id: string,
    @Body() dto: CoordinatorDistrictsDto,
    @CurrentActor() actor: Actor,
  ): Promise<AccountView> {
    return this.accounts.setDistricts(actor, id, dto.districtCodes);
  }

  /** Suspends an account: its sessions end at once and it cannot sign in. */
  @Post(':id/suspend')
  @HttpCode(204)
  @Roles('admin')
  suspend(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.accounts.changeStatus(actor, id, 'suspended');
  }

  @Post(':id/reactivate')
  @HttpCode(204)
  @Roles('admin')
  reactivate(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.accounts.changeStatus(actor, id, 'active');
  }
}
