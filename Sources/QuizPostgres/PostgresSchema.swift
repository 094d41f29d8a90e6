#if PostgreSQL
/// Every migration of the attempts database on PostgreSQL, under the same names as SQLite's.
///
/// The tables and columns are SQLite's (timestamptz, double precision, boolean, text), plus what a
/// server shared by a class needs: a `recorded` column giving the order rows were written (SQLite's
/// rowid), `learner` filled by the server from `current_user`, and row-level security so that a member
/// of `quiz_learner` reads and writes only their own attempts while a member of `quiz_teacher` reads
/// every row. Released migrations are never edited; a store naming a migration not listed here was
/// written by a newer quiz and is refused.
enum PostgresSchema {
    /// The table recording which migrations ran.
    static let table = "quiz_migrations"

    /// The advisory lock every process takes before migrating, so a class starting at once migrates once.
    static let lockKey: Int64 = 0x7175_697A_5F73_746F  // "quiz_sto"

    static let migrations: [(identifier: String, sql: String)] = [("v1", v1), ("v2", v2), ("v3", v3)]

    /// Attempts, the questions drawn into them, responses, and study progress.
    static let v1 = """
        CREATE SEQUENCE attempt_recorded_seq;
        CREATE TABLE attempt (
            id text PRIMARY KEY,
            kind text NOT NULL,
            bank text NOT NULL,
            test text,
            lesson text,
            title text NOT NULL,
            seed bigint NOT NULL,
            started_at timestamptz NOT NULL,
            submitted_at timestamptz,
            time_limit integer,
            remaining double precision,
            elapsed double precision NOT NULL DEFAULT 0,
            status text NOT NULL,
            pass_mark double precision NOT NULL,
            penalty double precision NOT NULL DEFAULT 0,
            recorded bigint NOT NULL DEFAULT nextval('attempt_recorded_seq')
        );
        ALTER SEQUENCE attempt_recorded_seq OWNED BY attempt.recorded;
        CREATE INDEX attempt_on_bank_test ON attempt (bank, test, started_at);
        CREATE INDEX attempt_on_status ON attempt (status, started_at);
        CREATE INDEX attempt_on_started_at ON attempt (started_at, recorded);

        CREATE TABLE attempt_question (
            attempt_id text NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
            position integer NOT NULL,
            question_id text NOT NULL,
            section text NOT NULL,
            lesson text NOT NULL,
            presentation text NOT NULL,
            max_points double precision NOT NULL,
            PRIMARY KEY (attempt_id, position)
        );

        CREATE TABLE response (
            attempt_id text NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
            position integer NOT NULL,
            response text,
            points double precision NOT NULL DEFAULT 0,
            correct boolean,
            time_spent double precision NOT NULL DEFAULT 0,
            flagged boolean NOT NULL DEFAULT false,
            tries integer NOT NULL DEFAULT 0,
            first_try_correct boolean,
            answered_at timestamptz,
            PRIMARY KEY (attempt_id, position)
        );

        CREATE SEQUENCE section_progress_recorded_seq;
        CREATE TABLE section_progress (
            lesson text NOT NULL,
            section text NOT NULL,
            shown_at timestamptz,
            done_at timestamptz,
            recorded bigint NOT NULL DEFAULT nextval('section_progress_recorded_seq'),
            PRIMARY KEY (lesson, section)
        );
        ALTER SEQUENCE section_progress_recorded_seq OWNED BY section_progress.recorded;
        """

    /// Who took each attempt (the role connected, filled by the server), study progress per learner,
    /// the two group roles, their grants, and the row-level security that keeps learners apart.
    static let v2 = """
        ALTER TABLE attempt ADD COLUMN learner text DEFAULT current_user;
        CREATE INDEX attempt_on_learner ON attempt (learner, started_at);
        ALTER TABLE section_progress ADD COLUMN learner text NOT NULL DEFAULT current_user;
        ALTER TABLE section_progress DROP CONSTRAINT section_progress_pkey;
        ALTER TABLE section_progress ADD PRIMARY KEY (learner, lesson, section);

        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'quiz_learner') THEN
                BEGIN
                    CREATE ROLE quiz_learner NOLOGIN;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'quiz_teacher') THEN
                BEGIN
                    CREATE ROLE quiz_teacher NOLOGIN;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
            END IF;
        END
        $$;

        GRANT SELECT ON quiz_migrations TO quiz_learner, quiz_teacher;
        GRANT SELECT, INSERT, UPDATE ON attempt, attempt_question, response, section_progress TO quiz_learner;
        GRANT USAGE ON SEQUENCE attempt_recorded_seq, section_progress_recorded_seq TO quiz_learner;
        GRANT SELECT ON attempt, attempt_question, response, section_progress TO quiz_teacher;

        ALTER TABLE attempt ENABLE ROW LEVEL SECURITY;
        ALTER TABLE attempt FORCE ROW LEVEL SECURITY;
        ALTER TABLE attempt_question ENABLE ROW LEVEL SECURITY;
        ALTER TABLE attempt_question FORCE ROW LEVEL SECURITY;
        ALTER TABLE response ENABLE ROW LEVEL SECURITY;
        ALTER TABLE response FORCE ROW LEVEL SECURITY;
        ALTER TABLE section_progress ENABLE ROW LEVEL SECURITY;
        ALTER TABLE section_progress FORCE ROW LEVEL SECURITY;

        CREATE POLICY learner_own ON attempt FOR ALL TO quiz_learner
            USING (learner = current_user) WITH CHECK (learner = current_user);
        CREATE POLICY learner_own ON attempt_question FOR ALL TO quiz_learner
            USING (EXISTS (SELECT FROM attempt WHERE attempt.id = attempt_id AND attempt.learner = current_user))
            WITH CHECK (EXISTS (SELECT FROM attempt WHERE attempt.id = attempt_id AND attempt.learner = current_user));
        CREATE POLICY learner_own ON response FOR ALL TO quiz_learner
            USING (EXISTS (SELECT FROM attempt WHERE attempt.id = attempt_id AND attempt.learner = current_user))
            WITH CHECK (EXISTS (SELECT FROM attempt WHERE attempt.id = attempt_id AND attempt.learner = current_user));
        CREATE POLICY learner_own ON section_progress FOR ALL TO quiz_learner
            USING (learner = current_user) WITH CHECK (learner = current_user);

        CREATE POLICY teacher_reads ON attempt FOR SELECT TO quiz_teacher USING (true);
        CREATE POLICY teacher_reads ON attempt_question FOR SELECT TO quiz_teacher USING (true);
        CREATE POLICY teacher_reads ON response FOR SELECT TO quiz_teacher USING (true);
        CREATE POLICY teacher_reads ON section_progress FOR SELECT TO quiz_teacher USING (true);

        CREATE POLICY owner_all ON attempt FOR ALL TO CURRENT_USER USING (true);
        CREATE POLICY owner_all ON attempt_question FOR ALL TO CURRENT_USER USING (true);
        CREATE POLICY owner_all ON response FOR ALL TO CURRENT_USER USING (true);
        CREATE POLICY owner_all ON section_progress FOR ALL TO CURRENT_USER USING (true);
        """

    /// Each ended attempt's total, maximum and items (question ids, points, maxima, responses, by
    /// position) in its own row, as SQLite's `items` holds them packed, so that `quiz stats` and
    /// `report --all` sum one row per attempt; filled here for the attempts already finished.
    static let v3 = """
        ALTER TABLE attempt
            ADD COLUMN points double precision,
            ADD COLUMN max_points double precision,
            ADD COLUMN item_questions text[],
            ADD COLUMN item_points double precision[],
            ADD COLUMN item_max double precision[],
            ADD COLUMN item_responses text[];
        UPDATE attempt a SET \(summary) WHERE a.status IN ('submitted', 'expired');
        """

    /// The assignment that writes an attempt's summary (on `attempt AS a`) from its rows as they are.
    static let summary = """
        (points, max_points, item_questions, item_points, item_max, item_responses) = (
            SELECT coalesce(sum(coalesce(r.points, 0)), 0), coalesce(sum(q.max_points), 0),
                   coalesce(array_agg(q.question_id ORDER BY q.position), '{}'),
                   coalesce(array_agg(coalesce(r.points, 0) ORDER BY q.position), '{}'),
                   coalesce(array_agg(q.max_points ORDER BY q.position), '{}'),
                   coalesce(array_agg(r.response ORDER BY q.position), '{}')
            FROM attempt_question q
            LEFT JOIN response r ON r.attempt_id = q.attempt_id AND r.position = q.position
            WHERE q.attempt_id = a.id)
        """
}
#endif
