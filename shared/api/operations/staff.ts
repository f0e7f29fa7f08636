import * as z from 'zod/mini';
import { defineOperation } from '../operation.ts';
import {
  CreateStaffBody,
  StaffAssignmentsPage,
  StaffAssignmentsQuery,
  StaffParams,
  StaffView,
  UpdateStaffBody,
} from '../schemas/staff.schema.ts';

export const listStaffOperation = defineOperation({
  operationId: 'listStaff',
  method: 'GET',
  path: '/api/admin/staff',
  summary:
    'Mitarbeitende der Sachbearbeitung: Name, E-Mail, Rollen, offene Zuweisungen, aktiv / Back-office staff: name, email, roles, open assignments, active',
  tags: ['admin', 'staff'],
  access: ['admin'],
  handler: 'admin/list-staff',
  responses: {
    200: {
      description: 'Everyone in the staff directory, active people first, by name',
      schema: z.object({ items: z.array(StaffView) }),
    },
  },
  problems: [401, 403],
});

export const createStaffOperation = defineOperation({
  operationId: 'createStaff',
  method: 'POST',
  path: '/api/admin/staff',
  summary:
    'Konto für die Sachbearbeitung anlegen; die Person erhält ein vorläufiges Passwort per E-Mail / Create a back-office account; the person is emailed a temporary password',
  tags: ['admin', 'staff'],
  access: ['admin'],
  handler: 'admin/create-staff',
  body: CreateStaffBody,
  responses: { 201: { description: 'The account and its directory entry', schema: StaffView } },
  problems: [401, 403, 409],
});

export const updateStaffOperation = defineOperation({
  operationId: 'updateStaff',
  method: 'PATCH',
  path: '/api/admin/staff/{sub}',
  summary:
    'Rollen ändern, Konto deaktivieren oder wieder aktivieren (nicht mit offenen Zuweisungen) / Change roles, deactivate or reactivate an account (not with open assignments)',
  tags: ['admin', 'staff'],
  access: ['admin'],
  handler: 'admin/update-staff',
  params: StaffParams,
  body: UpdateStaffBody,
  responses: { 200: { description: 'The changed entry', schema: StaffView } },
  problems: [401, 403, 404, 409],
});

export const listStaffAssignmentsOperation = defineOperation({
  operationId: 'listStaffAssignments',
  method: 'GET',
  path: '/api/admin/staff/{sub}/assignments',
  summary:
    'Offene Zuweisungen einer Person, zum Umverteilen / A staff member’s open assignments, to reassign them',
  tags: ['admin', 'staff'],
  access: ['admin'],
  handler: 'admin/list-staff-assignments',
  params: StaffParams,
  query: StaffAssignmentsQuery,
  responses: {
    200: {
      description: 'The person and their open assignments, the earliest due first',
      schema: StaffAssignmentsPage,
    },
  },
  problems: [401, 403, 404, 422],
});
