package dev.lite2pg;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application: DataSource, transactions and Spring Batch's JDBC job repository come from Boot. */
@SpringBootApplication
public class Lite2pgApplication {
}
