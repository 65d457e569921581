-- The trade log names the grid line an entry concerns by the number users see everywhere else: 0 at the lowest
-- line, as in the level table and in client order ids. It stored the index relative to the centre line.
ALTER TABLE trade_log ADD COLUMN line INT;
-- An entry about an order takes that order's line, exactly.
UPDATE trade_log SET line = (SELECT MAX(o.line) FROM order_intent o
    WHERE o.config_id = trade_log.config_id AND o.client_order_id = trade_log.order_id AND o.line >= 0)
WHERE level_index IS NOT NULL AND order_id IS NOT NULL;
-- Any other is shifted by the centre of the grid's stored levels (each level row holds both numbers). That is
-- exact unless the grid's lines were rebuilt with another count after the entry was written; an entry of a
-- grid without stored levels keeps no line.
UPDATE trade_log SET line = level_index + (SELECT MAX(l.line - l.level_index) FROM grid_level l
    WHERE l.config_id = trade_log.config_id)
WHERE level_index IS NOT NULL AND line IS NULL;
ALTER TABLE trade_log DROP COLUMN level_index;
