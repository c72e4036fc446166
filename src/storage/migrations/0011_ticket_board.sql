-- The at-risk board and the ticket list. Open clocks (running or paused) by due instant (a
-- breached paused clock whose target grew since has none: its start stands in): the board's
-- breached tab and its counts are range scans of it, however many stopped clocks closed
-- tickets have left behind. Tickets newest first: the list's order.
create index clocks_open_due on clocks ((coalesce(due, started_at)), customer_id, ticket_id)
  where state in ('running', 'paused');
create index tickets_newest on tickets (created_at desc, customer_id, id);
