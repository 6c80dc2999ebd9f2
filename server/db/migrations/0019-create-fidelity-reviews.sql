-- IPS fidelity reviews per site: 25 items scored 1–5, total 25–125 and band
-- from instruments/fidelity.
CREATE TABLE fidelity_reviews (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
  review_date TEXT NOT NULL,
  review_type TEXT NOT NULL CHECK (review_type IN ('independent', 'self')),
  reviewers TEXT NOT NULL,
  answers_json TEXT NOT NULL,
  total INTEGER NOT NULL CHECK (total BETWEEN 25 AND 125),
  band TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX fidelity_reviews_site ON fidelity_reviews (site_id, review_date);
