import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What withdrawing from the talent bank leaves behind (個人情報保護法: personal data is not kept once its
 * purpose is gone). Everything that identifies the resident or that they or others wrote about them is
 * erased; what remains is an anonymous record (home district, and each past activity's request, hours,
 * rating) so the city's yearly figures still add up.
 */
@Injectable()
export class ResidentErasure {
  /** Runs in the caller's transaction, after the resident's proposals and bookings were released. */
  async erase(manager: EntityManager, volunteerId: string): Promise<void> {
    await manager.query(
      `UPDATE volunteers
          SET name = '退会者', name_kana = 'たいかいしゃ', email = 'withdrawn+' || id || '@invalid',
              phone = '', languages = '{}', online_available = false, listed_publicly = false
        WHERE id = $1`,
      [volunteerId],
    );
    for (const table of [
      'volunteer_skills',
      'learning_outcomes',
      'availability_windows',
      'unavailable_dates',
      'volunteer_travel_districts',
    ]) {
      await manager.query(`DELETE FROM ${table} WHERE volunteer_id = $1`, [volunteerId]);
    }
    // Sessions and password-reset links go with the account.
    await manager.query(`DELETE FROM accounts WHERE volunteer_id = $1`, [volunteerId]);
    // Free text about them (reasons, comments) and the titles of their learning outcomes in the
    // explanation of each score; the scores, statuses, hours and ratings stay.
    await manager.query(
      `UPDATE proposals
          SET reason = NULL,
              explanation = jsonb_set(explanation, '{facts,relevantOutcomes}', '[]'::jsonb, false)
        WHERE volunteer_id = $1`,
      [volunteerId],
    );
    await manager.query(`UPDATE request_exclusions SET reason = '' WHERE volunteer_id = $1`, [volunteerId]);
    await manager.query(
      `UPDATE feedback SET comment = '' WHERE proposal_id IN (SELECT id FROM proposals WHERE volunteer_id = $1)`,
      [volunteerId],
    );
    await manager.query(
      `UPDATE audit_entries SET details = '{}'::jsonb
        WHERE (subject_type = 'volunteer' AND subject_id = $1::text)
           OR (subject_type = 'proposal'
               AND subject_id IN (SELECT id::text FROM proposals WHERE volunteer_id = $1::uuid))`,
      [volunteerId],
    );
  }
}
