package dev.supportassistant.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.platform.security.Caller;

/**
 * A customer's data on request, for operators ({@code ADMIN_API_KEY}, as the other operator
 * endpoints): export it, erase it. See {@link CustomerData}.
 */
@RestController
@Validated
@RequestMapping("/api/v1/customers")
class CustomerDataController {

    private final CustomerData customers;

    CustomerDataController(CustomerData customers) {
        this.customers = customers;
    }

    /** Every conversation, message, rating and screenshot reference of the customer, a page of conversations at a time. */
    @GetMapping("/{userId}/export")
    CustomerData.Export export(@PathVariable @NotBlank @Size(max = 255) String userId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page, Caller caller) {
        return customers.export(userId, page, operator(caller));
    }

    /** Erases everything of the customer, screenshots included, and says how much of each kind. */
    @DeleteMapping("/{userId}")
    CustomerData.Erased erase(@PathVariable @NotBlank @Size(max = 255) String userId, Caller caller) {
        return customers.erase(userId, operator(caller));
    }

    private static String operator(Caller caller) {
        String name = caller.staffName();
        return name == null ? "an operator" : name;
    }
}
