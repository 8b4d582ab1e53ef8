import express from 'express';
import passport from 'passport';

declare const Order: { findOne(q: unknown): Promise<unknown>; destroy(q: unknown): Promise<number> };
const app = express();
const requireUser = passport.authenticate('session');

app.get('/orders/:id', requireUser, async (req, res) => {
  res.json(await Order.findOne({ where: { id: req.params.id, userId: (req.user as { id: string }).id } }));
});

app.delete('/orders/:orderId', requireUser, async (req, res) => {
  await Order.destroy({ where: { id: req.params.orderId, userId: (req.user as { id: string }).id } });
  res.sendStatus(204);
});
