import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor/actor.js';
import type { District } from './district.entity.js';
import { DistrictsService } from './districts.service.js';

@ApiTags('districts')
@Controller('districts')
export class DistrictsController {
  constructor(private readonly districts: DistrictsService) {}

  /** The city's districts (地区) with Japanese names and readings. */
  @Public()
  @Get()
  list(): Promise<District[]> {
    return this.districts.list();
  }
}
