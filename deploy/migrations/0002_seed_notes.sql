-- A few notes, so that a fresh environment's page and smoke test have something to show.
INSERT INTO notes (title, body, created_at) VALUES
    ('Welcome', 'Mantis Notes is deployed by MantisPipeline.', now() - interval '3 days'),
    ('Health gate', 'A release ships only when /api/health/comprehensive says healthy.',
        now() - interval '2 days'),
    ('Rollback', 'A failed gate puts the previous release back.', now() - interval '1 day');
