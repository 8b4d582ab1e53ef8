const express = require('express');
const { OrdersStore } = require('./dao-vulnerable');

function OrdersHandler(db) {
  const store = new OrdersStore(db);
  this.list = function (req, res, next) {
    store.aboveTotal(req.session.customerId, req.query.minimum, (err, rows) => (err ? next(err) : res.json(rows)));
  };
}

const app = express();
const handler = new OrdersHandler({ collection: () => ({ findOne: () => undefined }) });
app.get('/orders', handler.list);
