// Every ticket route: list, create, show, changes, messages, tags, activities.
import type { FastifyPluginAsync } from 'fastify';
import { ticketChangeRoutes } from './changes.js';
import { ticketCreateRoutes } from './create.js';
import { ticketListRoutes } from './list.js';
import { ticketMessageRoutes } from './messages.js';
import { ticketShowRoutes } from './show.js';
import { ticketTagRoutes } from './ticket-tags.js';

export const ticketRoutes: FastifyPluginAsync = async (app) => {
  await app.register(ticketListRoutes);
  await app.register(ticketCreateRoutes);
  await app.register(ticketShowRoutes);
  await app.register(ticketChangeRoutes);
  await app.register(ticketMessageRoutes);
  await app.register(ticketTagRoutes);
};
