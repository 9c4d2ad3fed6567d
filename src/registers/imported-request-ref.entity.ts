import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ActivityRequest } from '../requests/activity-request.entity.js';

/** The city office's own number for a request (依頼番号): the key a re-import finds the request by. */
@Entity('imported_request_refs')
export class ImportedRequestRef {
  @PrimaryColumn('text')
  reference: string;

  @Column('uuid')
  requestId: string;

  @OneToOne(() => ActivityRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request: Relation<ActivityRequest>;
}
