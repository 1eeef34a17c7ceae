import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emailInput, inputText, passwordInput, personNameInput, phoneInput, staffRoles, usernameInput, type StaffRole } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { IdParams, listOf, Pagination } from '../../http/schemas.ts';
import type { UserRow } from './users.repository.ts';
import { createStaff, getUser, listUsers, replaceStaffAssignments, resetStaffPassword, updateStaff } from './users.usecases.ts';

const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  assignments: z.array(z.object({ role: z.enum(staffRoles), agencyId: z.string(), agencyCode: z.string(), agencyName: z.string() })),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string(), agencyId: z.string(), agencyName: z.string() }).nullable()
    .describe('the unit (phòng, ban) the staff member works in'),
});

const Password = passwordInput();
const Phone = phoneInput();
const Assignments = z.array(z.object({ role: z.enum(staffRoles), agencyId: z.uuid() })).min(1).max(50);

export const CreateStaffBody = z.object({
  username: usernameInput(),
  fullName: personNameInput(),
  email: emailInput().optional(),
  phone: Phone.optional(),
  password: Password,
  assignments: Assignments,
  unitId: z.uuid().optional().describe('the unit (phòng, ban) they work in: of an agency where they hold a role'),
});

export const UpdateStaffBody = z.object({
  fullName: personNameInput().optional(),
  email: emailInput().nullable().optional(),
  phone: Phone.nullable().optional(),
  disabled: z.boolean().optional(),
  unitId: z.uuid().nullable().optional().describe('the unit (phòng, ban) they work in; null: none'),
});

const present = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  email: u.email,
  phone: u.phone,
  disabled: u.disabled,
  assignments: u.assignments.map(({ role, agencyId, agencyCode, agencyName }) => ({ role: role as StaffRole, agencyId, agencyCode, agencyName })),
  unit: u.unit,
});

export function registerUserRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/users', {
    config: { access: staffWith('admin') },
    schema: {
      tags: ['users'],
      summary: 'Staff accounts in the admin’s subtree (q: username, e-mail or full name, with or without diacritics)',
      querystring: Pagination.extend({ q: inputText().max(200).optional() }),
      response: { 200: listOf(UserSchema) },
    },
    handler: async (request) => {
      const page = await listUsers(request.actor, request.query, deps);
      return { items: page.items.map(present), total: page.total };
    },
  });

  r.get('/api/v1/users/:id', {
    config: { access: staffWith('admin'), problems: ['user.not_found'] },
    schema: { tags: ['users'], summary: 'One staff account', params: IdParams, response: { 200: UserSchema } },
    handler: async (request) => present(await getUser(request.actor, request.params.id, deps)),
  });

  r.post('/api/v1/users', {
    config: { access: staffWith('admin'), problems: ['user.already_exists', 'agency.not_found'] },
    schema: { tags: ['users'], summary: 'Create a staff account', body: CreateStaffBody, response: { 201: UserSchema } },
    handler: async (request, reply) => {
      const user = await createStaff(auditContextOf(request), request.body, deps);
      return reply.status(201).send(present(user));
    },
  });

  r.patch('/api/v1/users/:id', {
    config: { access: staffWith('admin'), problems: ['user.not_found', 'user.self_change_not_allowed'] },
    schema: {
      tags: ['users'],
      summary: 'Edit a staff account, or disable it (its sessions end) and enable it again',
      params: IdParams,
      body: UpdateStaffBody,
      response: { 200: UserSchema },
    },
    handler: async (request) => {
      const user = await updateStaff(auditContextOf(request), request.params.id, request.body, deps);
      return present(user);
    },
  });

  r.put('/api/v1/users/:id/assignments', {
    config: { access: staffWith('admin'), problems: ['user.not_found', 'user.self_change_not_allowed', 'agency.not_found'] },
    schema: {
      tags: ['users'],
      summary: 'Replace the roles of a staff account inside the admin’s subtree (roles elsewhere are kept)',
      params: IdParams,
      body: z.object({ assignments: Assignments }),
      response: { 200: UserSchema },
    },
    handler: async (request) => present(await replaceStaffAssignments(auditContextOf(request), request.params.id, request.body.assignments, deps)),
  });

  r.post('/api/v1/users/:id/password', {
    config: { access: staffWith('admin'), problems: ['user.not_found', 'user.self_change_not_allowed'] },
    schema: {
      tags: ['users'],
      summary: 'Set a new password for a staff account (handed over in person); its sessions end',
      params: IdParams,
      body: z.object({ password: Password }),
      response: { 204: z.undefined().describe('Set; the account’s sessions have ended') },
    },
    handler: async (request, reply) => {
      await resetStaffPassword(auditContextOf(request), request.params.id, request.body.password, deps);
      return reply.status(204).send();
    },
  });
}
