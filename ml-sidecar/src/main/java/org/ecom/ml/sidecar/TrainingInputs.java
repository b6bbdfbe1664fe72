package org.ecom.ml.sidecar;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.ecom.ml.data.CustomerOrder;
import org.ecom.ml.data.CustomerRfm;
import org.ecom.ml.data.MonthRevenue;
import org.ecom.ml.data.ProductPurchase;

/**
 * Everything the models learn from, read once per sidecar pass. asOfDate is the day after the last
 * sale in the data, not today: the scores describe the data's present.
 */
public record TrainingInputs(List<CustomerRfm> rfm, List<CustomerOrder> orders, List<ProductPurchase> purchases,
                             List<MonthRevenue> months, LocalDate asOfDate) {

    public static TrainingInputs read(Connection connection) throws SQLException {
        TrainingData data = new TrainingData(connection);
        List<CustomerOrder> orders = data.orders();
        LocalDate asOf = orders.stream().filter(o -> !o.cancellation())
                .map(o -> o.orderedAt().toLocalDate())
                .max(LocalDate::compareTo)
                .orElseThrow(() -> new IllegalStateException("no sales in the database: load a file first (./ecom load FILE)"))
                .plusDays(1);
        return new TrainingInputs(data.rfm(), orders, data.purchases(), data.months(), asOf);
    }
}
