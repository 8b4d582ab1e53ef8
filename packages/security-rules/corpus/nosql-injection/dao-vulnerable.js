// A DAO built with `new` in another file, as DAO-style apps do: the request value crosses the instance,
// a method defined in the constructor, and a closure that builds the filter.
function OrdersStore(db) {
  const orders = db.collection('orders');

  this.aboveTotal = function (customerId, minimum, done) {
    function criteria() {
      if (minimum) return { $where: `this.customerId == ${Number(customerId)} && this.total > '${minimum}'` }; // expect: nosql-injection
      return { customerId: Number(customerId) };
    }
    orders.findOne(criteria(), done);
  };
}

module.exports.OrdersStore = OrdersStore;
