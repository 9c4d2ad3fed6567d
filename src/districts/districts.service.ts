import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { District } from './district.entity.js';

@Injectable()
export class DistrictsService {
  constructor(@InjectRepository(District) private readonly districts: Repository<District>) {}

  list(): Promise<District[]> {
    return this.districts.find({ order: { sortOrder: 'ASC' } });
  }

  /** The codes in `codes` that name no district. */
  async unknownCodes(codes: string[]): Promise<string[]> {
    const known = new Set((await this.list()).map((district) => district.code));
    return codes.filter((code) => !known.has(code));
  }
}
