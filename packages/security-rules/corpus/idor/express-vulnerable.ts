import express from 'express';
import passport from 'passport';

declare const Order: { findByPk(id: unknown): Promise<unknown>; destroy(q: unknown): Promise<number> };
const app = express();
const requireUser = passport.authenticate('session');

app.get('/orders/:id', requireUser, async (req, res) => {
  res.json(await Order.findByPk(req.params.id)); // expect: idor
});

app.delete('/orders/:orderId', requireUser, async (req, res) => {
  const { orderId } = req.params;
  await Order.destroy({ where: { id: orderId } }); // expect: idor
  res.sendStatus(204);
});
