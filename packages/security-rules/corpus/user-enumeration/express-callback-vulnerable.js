const express = require('express');
const db = require('./models');

const router = express.Router();
router.use(express.urlencoded({ extended: false }));

router.post('/forgotpw', (req, res) => {
  db.User.findOne({ where: { login: req.body.login } }).then((user) => {
    if (user) { // expect: user-enumeration
      req.flash('info', 'Check email for reset link');
      res.redirect('/login');
    } else {
      req.flash('danger', 'Invalid login username');
      res.redirect('/forgotpw');
    }
  });
});

module.exports = router;
