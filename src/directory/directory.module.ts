import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller.js';
import { DirectoryService } from './directory.service.js';

/** What the talent bank shows anyone without an account. */
@Module({ controllers: [DirectoryController], providers: [DirectoryService] })
export class DirectoryModule {}
