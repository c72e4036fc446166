-- An idempotency key is unique within its customer, not across the whole table: a unique
-- constraint must hold the distribution column (customer_id) for the table to be distributed.
alter table notifications drop constraint notifications_idempotency_key_key;
alter table notifications add constraint notifications_idempotency unique (customer_id, idempotency_key);
