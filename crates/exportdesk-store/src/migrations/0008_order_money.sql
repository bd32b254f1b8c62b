-- ExportDesk schema 8: what the buyer actually paid (issue 15).
-- A line keeps its price before discounts and the discount apart (its own and its share of the
-- order's); `amount` stays what was paid for the goods. A declaration line keeps the discount too, so
-- that the commercial invoice can show the price, the discount and the freight the buyer paid. Whether the buyer paid the shipping on top
-- of the goods is kept per order and per declaration: 1 = on top, 0 = inside the prices, NULL = not
-- known (orders made before this version; the declaration then asks).

ALTER TABLE order_lines ADD COLUMN discount TEXT NOT NULL DEFAULT '0';
ALTER TABLE orders ADD COLUMN shipping_separate INTEGER CHECK (shipping_separate IN (0, 1));
ALTER TABLE declaration_lines ADD COLUMN discount TEXT NOT NULL DEFAULT '0';
ALTER TABLE declarations ADD COLUMN freight_separate INTEGER CHECK (freight_separate IN (0, 1));
