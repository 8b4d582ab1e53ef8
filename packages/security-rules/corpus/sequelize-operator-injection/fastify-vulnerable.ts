import Fastify from 'fastify';
import { DataTypes, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL ?? '');
const Order = sequelize.define('Order', { status: DataTypes.STRING, ownerId: DataTypes.INTEGER });
const app = Fastify();

app.post('/orders/cancel', async (request: any) => {
  const [count] = await Order.update({ status: 'cancelled' }, { where: request.body.filter }); // expect: sequelize-operator-injection
  return { count };
});
