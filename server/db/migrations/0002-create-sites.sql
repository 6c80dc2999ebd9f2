-- Sites (clinics / units) where participants are recruited; randomization is
-- stratified by site. Target places are a range (4–8) or one number
-- (places_min = places_max = 12). Staff belong to one or more sites.
CREATE TABLE sites (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code GLOB '[A-Z0-9]*' AND length(code) BETWEEN 2 AND 20),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  region TEXT NOT NULL CHECK (length(region) BETWEEN 1 AND 120),
  places_min INTEGER NOT NULL CHECK (places_min >= 0),
  places_max INTEGER NOT NULL CHECK (places_max >= places_min),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE user_sites (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
  PRIMARY KEY (user_id, site_id)
) STRICT;

CREATE INDEX user_sites_site ON user_sites (site_id);
