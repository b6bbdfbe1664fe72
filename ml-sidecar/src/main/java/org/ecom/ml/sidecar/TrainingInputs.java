package org.ecom.ml.sidecar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ecom.ml.data.CustomerOrder;
import org.ecom.ml.data.CustomerRfm;
import org.ecom.ml.data.MonthRevenue;
import org.ecom.ml.data.ProductPurchase;
import org.ecom.ml.repurchase.CampaignEconomics;
import org.jdbi.v3.core.Handle;

/**
 * Everything the models learn from, read once per sidecar pass, and the one as-of day every model
 * works to: given, or else the day after the last sale (not today: the scores describe the data's
 * present). Only what happened before it is read.
 */
public record TrainingInputs(LocalDate asOfDate, List<CustomerRfm> rfm, List<CustomerOrder> orders,
                             List<ProductPurchase> purchases, List<MonthRevenue> months, CampaignEconomics campaign) {

    public static TrainingInputs read(Handle handle, Optional<LocalDate> asOf) {
        TrainingData data = new TrainingData(handle);
        LocalDate day = asOf.orElseGet(data::dayAfterLastSale);
        List<CustomerOrder> orders = data.orders(day);
        if (orders.isEmpty()) {
            throw new IllegalStateException("no sales before the as-of day " + day);
        }
        return new TrainingInputs(day, data.rfm(day), orders, data.purchases(day), data.months(day), data.campaign());
    }
}
