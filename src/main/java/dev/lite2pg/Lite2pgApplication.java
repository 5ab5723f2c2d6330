package dev.lite2pg;

import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Spring Boot application: DataSource, transactions and Spring Batch's JDBC job repository come from Boot. */
@SpringBootApplication
public class Lite2pgApplication {

    /** Boot's job repository takes it instead of Spring Batch's default, Java serialization. */
    @Bean
    ExecutionContextSerializer executionContextSerializer() {
        return dev.lite2pg.batch.ExecutionContextJson.create();
    }
}
