-- The order of allocations across the whole trial (0, 1, 2, …): minimisation
-- draws number n uses it, and `ips-trial randomization verify` replays the
-- allocations in this order from the sealed seed.
ALTER TABLE allocations ADD COLUMN draw_index INTEGER CHECK (draw_index >= 0);
CREATE UNIQUE INDEX allocations_draw_index ON allocations (draw_index);
