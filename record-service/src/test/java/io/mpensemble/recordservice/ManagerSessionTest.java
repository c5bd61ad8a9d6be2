package io.mpensemble.recordservice;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** A test of the objects a manager session holds: each test starts with a session of its own. */
public abstract class ManagerSessionTest {

    @Autowired
    protected Api api;

    /** The session's id. */
    protected String manager;

    @BeforeEach
    void startSession() {
        manager = api.create("/api/managers", null);
    }
}
